package io.faketicdc.api;

import static io.faketicdc.api.Expected.listItem;

import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v2/changefeeds} (pingcap/tiflow cdc/api/v2/changefeed.go; cdc/api/v2/model.go;
 * cdc/model/changefeed.go).
 */
class ListChangefeedsTest extends RouteTestBase {

    private static String list(String... items) {
        return "{\"total\":" + items.length + ",\"items\":[" + String.join(",", items) + "]}";
    }

    @Test
    void listWithoutChangefeedsIsTotalZeroAndAnEmptyArray() {
        assertJsonOk(get(CHANGEFEEDS), "{\"total\":0,\"items\":[]}");
    }

    @Test
    void listSortsByIdInByteOrder() {
        long b = createBlackhole("b");
        long a = createBlackhole("a");
        long upperB = createBlackhole("B");
        long a1 = createBlackhole("a-1");
        assertJsonOk(get(CHANGEFEEDS), list(listItem("default", "B", "normal", upperB), listItem("default", "a", "normal", a),
                listItem("default", "a-1", "normal", a1), listItem("default", "b", "normal", b)));
    }

    @Test
    void listWithoutStateShowsStoppedChangefeedsWithANullError() {
        long a = createBlackhole("a");
        long b = createBlackhole("b");
        pause("a");
        assertJsonOk(get(CHANGEFEEDS), list(listItem("default", "a", "stopped", a), listItem("default", "b", "normal", b)));
    }

    @Test
    void listWithAnEmptyStateIsTheDefaultFilter() {
        long a = createBlackhole("a");
        pause("a");
        assertJsonOk(get(CHANGEFEEDS + "?state="), list(listItem("default", "a", "stopped", a)));
    }

    @Test
    void listWithStateAllShowsEveryChangefeed() {
        long a = createBlackhole("a");
        long b = createBlackhole("b");
        pause("b");
        assertJsonOk(get(CHANGEFEEDS + "?state=all"), list(listItem("default", "a", "normal", a),
                listItem("default", "b", "stopped", b)));
    }

    @Test
    void listWithAStateMatchesTheRawStateExactly() {
        long a = createBlackhole("a");
        long b = createBlackhole("b");
        pause("b");
        assertJsonOk(get(CHANGEFEEDS + "?state=stopped"), list(listItem("default", "b", "stopped", b)));
        assertJsonOk(get(CHANGEFEEDS + "?state=normal"), list(listItem("default", "a", "normal", a)));
    }

    @Test
    void listStateMatchingIsCaseSensitive() {
        createBlackhole("a");
        assertJsonOk(get(CHANGEFEEDS + "?state=Normal"), "{\"total\":0,\"items\":[]}");
    }

    @Test
    void listWithAStateNoChangefeedIsInIsEmpty() {
        createBlackhole("a");
        assertJsonOk(get(CHANGEFEEDS + "?state=error"), "{\"total\":0,\"items\":[]}");
        assertJsonOk(get(CHANGEFEEDS + "?state=finished"), "{\"total\":0,\"items\":[]}");
        assertJsonOk(get(CHANGEFEEDS + "?state=warning"), "{\"total\":0,\"items\":[]}");
    }

    @Test
    void listShowsOnlyTheDefaultNamespaceByDefault() {
        long a = createBlackhole("a");
        createWith("{\"namespace\":\"ns1\",\"changefeed_id\":\"x\",\"sink_uri\":\"blackhole://\"}");
        assertJsonOk(get(CHANGEFEEDS), list(listItem("default", "a", "normal", a)));
    }

    @Test
    void listWithANamespaceShowsOnlyThatNamespace() {
        createBlackhole("a");
        long x = createWith("{\"namespace\":\"ns1\",\"changefeed_id\":\"x\",\"sink_uri\":\"blackhole://\"}");
        assertJsonOk(get(CHANGEFEEDS + "?namespace=ns1"), list(listItem("ns1", "x", "normal", x)));
        assertJsonOk(get(CHANGEFEEDS + "?namespace=nope"), "{\"total\":0,\"items\":[]}");
    }

    @Test
    void listWithAnEmptyNamespaceMeansDefault() {
        long a = createBlackhole("a");
        assertJsonOk(get(CHANGEFEEDS + "?namespace="), list(listItem("default", "a", "normal", a)));
    }

    @Test
    void listWithATrailingSlashRedirectsWith301() {
        Http.Response r = get(CHANGEFEEDS + "/");
        org.assertj.core.api.Assertions.assertThat(r.status()).isEqualTo(301);
        org.assertj.core.api.Assertions.assertThat(r.header("Location")).isEqualTo(CHANGEFEEDS);
    }
}
