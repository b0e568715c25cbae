package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.Call;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** cdc/model/changefeed.go ValidateChangefeedID / ValidateNamespace, and the namespace query. */
final class Ids {
    private static final Pattern ID = Pattern.compile("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$");

    private Ids() { }

    static boolean valid(String id) {
        return id.getBytes(StandardCharsets.UTF_8).length <= 128 && ID.matcher(id).matches();
    }

    static String changefeedId(Call call, boolean explained) {
        String id = call.param("changefeed_id");
        if (!valid(id)) throw invalidId(id, explained);
        return id;
    }

    /**
     * 400 ErrAPIInvalidParam for a bad changefeed ID; {@code explained}: the new architecture
     * appends the validation error (pingcap/ticdc api/v2/changefeed.go; pkg/common/types.go).
     */
    static ApiError invalidId(String id, boolean explained) {
        if (!explained) return ApiError.of("CDC:ErrAPIInvalidParam", "invalid changefeed_id: " + id);
        return ApiError.of("CDC:ErrAPIInvalidParam", "invalid changefeed_id: " + id
                + ", [CDC:ErrInvalidChangefeedID]bad changefeed id, please match the pattern "
                + "\"^[a-zA-Z0-9]+(\\-[a-zA-Z0-9]+)*$\", the length should no more than 128, eg, \"simple-changefeed-task\"");
    }

    /**
     * The {@code namespace} query parameter; empty or missing means {@code default}. With
     * {@code keyspaces} (the new architecture's classic build) the scope is always {@code default}:
     * its handlers read the {@code keyspace} parameter and the classic kernel ignores it
     * (pingcap/ticdc api/v2/changefeed.go GetKeyspaceValueWithDefault; pkg/config/kerneltype).
     */
    static String namespace(Call call, boolean keyspaces) {
        if (keyspaces) return ChangefeedKey.DEFAULT_NAMESPACE;
        String ns = call.query("namespace");
        return ns.isEmpty() ? ChangefeedKey.DEFAULT_NAMESPACE : ns;
    }

    static ChangefeedKey key(Call call, boolean keyspaces, boolean explained) {
        String id = changefeedId(call, explained);
        return new ChangefeedKey(namespace(call, keyspaces), id);
    }

    /** The JSON key naming a changefeed's scope: {@code keyspace} in the new architecture. */
    static String scopeKey(boolean keyspaces) {
        return keyspaces ? "keyspace" : "namespace";
    }

    static ApiError notExists(ChangefeedKey key) {
        return ApiError.of("CDC:ErrChangeFeedNotExists", "changefeed not exists, " + key);
    }
}
