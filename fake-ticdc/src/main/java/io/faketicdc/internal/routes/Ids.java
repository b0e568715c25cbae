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

    static String changefeedId(Call call) {
        String id = call.param("changefeed_id");
        if (!valid(id)) throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid changefeed_id: " + id);
        return id;
    }

    /** The {@code namespace} query parameter; empty or missing means {@code default}. */
    static String namespace(Call call) {
        String ns = call.query("namespace");
        return ns.isEmpty() ? ChangefeedKey.DEFAULT_NAMESPACE : ns;
    }

    static ChangefeedKey key(Call call) {
        String id = changefeedId(call);
        return new ChangefeedKey(namespace(call), id);
    }

    static ApiError notExists(ChangefeedKey key) {
        return ApiError.of("CDC:ErrChangeFeedNotExists", "changefeed not exists, " + key);
    }
}
