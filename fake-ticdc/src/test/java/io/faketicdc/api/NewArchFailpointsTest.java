package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code /debug/failpoints} of the new architecture (pingcap/ticdc api/v2/api.go,
 * api/v2/failpoint.go; pingcap/failpoint failpoints.go): enable, list sorted by name, disable,
 * each capture process with its own, and the errors of each.
 */
class NewArchFailpointsTest extends NewArchTestBase {
    private static final String PATH = "/debug/failpoints";

    @Override
    protected void configure(FakeConfig.Builder config) {
        super.configure(config);
        config.captures(2);
    }

    @Test
    void enabled_failpoints_are_listed_by_name_with_their_expressions() {
        assertJsonOk(get(PATH), "[]");
        assertJsonOk(post(PATH, "{\"name\":\" pkg/b \",\"expr\":\" return(true) \"}"), "{}");
        assertJsonOk(post(PATH, "{\"name\":\"pkg/a\",\"expr\":\"1*sleep(100)\"}"), "{}");
        assertJsonOk(get(PATH), "[{\"name\":\"pkg/a\",\"expr\":\"1*sleep(100)\"},{\"name\":\"pkg/b\",\"expr\":\"return(true)\"}]");
    }

    @Test
    void a_failpoint_is_disabled_by_query_or_by_body_and_disabling_it_again_is_fine() {
        post(PATH, "{\"name\":\"pkg/a\",\"expr\":\"return\"}");
        post(PATH, "{\"name\":\"pkg/b\",\"expr\":\"return\"}");
        assertJsonOk(delete(PATH + "?name=pkg/a"), "{}");
        assertJsonOk(send("DELETE", PATH, "{\"name\":\"pkg/b\"}"), "{}");
        assertJsonOk(get(PATH), "[]");
        assertJsonOk(delete(PATH + "?name=pkg/a"), "{}");   // pingcap/failpoint keeps it registered, disabled
    }

    @Test
    void each_capture_process_keeps_its_own_failpoints() {
        sendTo(1, "POST", PATH, "{\"name\":\"pkg/a\",\"expr\":\"panic\"}");
        assertJsonOk(get(PATH), "[]");
        assertThat(sendTo(1, "GET", PATH, null).body()).isEqualTo("[{\"name\":\"pkg/a\",\"expr\":\"panic\"}]");
    }

    @Test
    void disabling_a_failpoint_never_enabled_is_500_with_no_code() {
        assertError(delete(PATH + "?name=pkg/x"), 500, "", "error on pkg/x: failpoint: failpoint does not exist");
    }

    @Test
    void a_name_and_an_expression_are_required() {
        assertApiError(post(PATH, "{\"name\":\"pkg/a\",\"expr\":\"  \"}"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]invalid api parameter%!(EXTRA string=name and expr are required)");
        assertApiError(send("DELETE", PATH, "{}"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]invalid api parameter%!(EXTRA string=name is required)");
    }

    @Test
    void a_body_that_is_not_json_is_refused_in_the_handlers_words_after_gin_committed_400() {
        Http.Response r = post(PATH, "{");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.body()).isEqualTo(errorBody("[CDC:ErrAPIInvalidParam]invalid request: unexpected EOF", "CDC:ErrAPIInvalidParam"));
        assertThat(delete(PATH).body()).contains("invalid request: EOF");
    }

    @Test
    void the_tiflow_profiles_have_no_failpoint_routes() {
        try (io.faketicdc.FakeTiCdc master = io.faketicdc.FakeTiCdc.create().start()) {
            assertNoRoute(Http.send(master.port(), "GET", PATH, null));
        }
    }
}
