package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.Route;
import io.faketicdc.internal.http.Router;
import io.faketicdc.internal.json.GoBinder;
import io.faketicdc.internal.json.GoJsonReader;
import io.faketicdc.internal.json.GoJsonSyntaxException;
import io.faketicdc.internal.json.GoJsonWriter;
import io.faketicdc.internal.json.GoStruct;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Scalar;
import io.faketicdc.internal.json.GoType;
import io.faketicdc.internal.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * The new architecture's {@code /debug/failpoints} (pingcap/ticdc api/v2/api.go, api/v2/failpoint.go):
 * each capture process keeps the failpoints enabled through it, listed sorted by name. The fake
 * has no failpoints to trigger, so enabling one only records it; its expression is not parsed
 * (pingcap/failpoint terms.go would refuse a malformed one with a 500).
 */
final class DebugFailpoints {
    private static final GoType.Struct REQ = new GoType.Struct("v2.FailpointRequest")
            .fields(List.of(Field.of("name", Scalar.STRING), Field.of("expr", Scalar.STRING)));
    private static final String PATH = "/debug/failpoints";
    private final ApiSchema schema;

    DebugFailpoints(ApiSchema schema) {
        this.schema = schema;
    }

    void register(Router r) {
        r.add(new Route("POST", PATH, "enable failpoint", false, this::enable));
        r.add(new Route("DELETE", PATH, "disable failpoint", false, this::disable));
        r.add(new Route("GET", PATH, "list failpoints", false, this::list));
    }

    private ApiResponse enable(Call call) {
        GoStruct req = bind(call);
        String name = req.string("name").strip();
        String expr = req.string("expr").strip();
        if (name.isEmpty() || expr.isEmpty()) throw extraArgument("name and expr are required");
        Capture self = receiver(call);
        self.failpoints().put(name, expr);
        self.failpointsEverEnabled().add(name);
        return ApiResponse.emptyObject();
    }

    /** The name from the query, else from the body; pingcap/failpoint Disable knows only names once enabled. */
    private ApiResponse disable(Call call) {
        String name = call.query("name") == null ? "" : call.query("name").strip();
        if (name.isEmpty()) name = bind(call).string("name").strip();
        if (name.isEmpty()) throw extraArgument("name is required");
        Capture self = receiver(call);
        if (!self.failpointsEverEnabled().contains(name)) {
            // pingcap/failpoint failpoints.go Disable: ErrNotExist wrapped with the name; no RFC code
            throw ApiError.custom(500, "", "error on " + name + ": failpoint: failpoint does not exist");
        }
        self.failpoints().remove(name);
        return ApiResponse.emptyObject();
    }

    private ApiResponse list(Call call) {
        GoJsonWriter w = GoJsonWriter.compact().beginArray();
        for (Map.Entry<String, String> e : receiver(call).failpoints().entrySet()) {
            w.beginObject().name("name").value(e.getKey()).name("expr").value(e.getValue()).endObject();
        }
        return ApiResponse.json(200, w.endArray());
    }

    /** gin's BindJSON: a failure commits 400 first, and the handler words the error itself. */
    private static GoStruct bind(Call call) {
        try {
            JsonValue doc = GoJsonReader.read(call.body());
            return doc == JsonValue.JNull.INSTANCE ? REQ.zero() : (GoStruct) GoBinder.decode(doc, REQ, REQ.zero());
        } catch (GoJsonSyntaxException e) {
            throw ApiError.committed("CDC:ErrAPIInvalidParam", "invalid request: " + e.getMessage());
        }
    }

    /** GenWithStackByArgs on a template with no verb: Go's fmt appends the argument. */
    private static ApiError extraArgument(String arg) {
        return ApiError.of("CDC:ErrAPIInvalidParam", "invalid api parameter%!(EXTRA string=" + arg + ")");
    }

    private Capture receiver(Call call) {
        ApiContext ctx = ApiContext.of(call);
        return ctx.cluster().membership().at(call.request().slot());
    }
}
