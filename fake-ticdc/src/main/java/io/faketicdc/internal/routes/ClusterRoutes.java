package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.HandlerPanic;
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
import java.util.Locale;
import java.util.Set;

/**
 * health, status, log, captures, drain and owner resign of /api/v2 (pingcap/tiflow cdc/api/v2/health.go;
 * cdc/api/v2/status.go; cdc/api/v2/log.go; cdc/api/v2/capture.go; cdc/api/v2/owner.go; cdc/api/util.go).
 */
final class ClusterRoutes {
    private static final GoType.Struct LOG_LEVEL_REQ = new GoType.Struct("v2.LogLevelReq")
            .fields(List.of(Field.of("log_level", Scalar.STRING)));
    private static final Set<String> LEVELS = Set.of("debug", "info", "warn", "error", "dpanic", "panic", "fatal", "");
    private final ApiSchema schema;

    ClusterRoutes(ApiSchema schema) {
        this.schema = schema;
    }

    void register(Router r) {
        r.add(new Route("GET", "/api/v2/health", "health", true, this::health));
        r.add(new Route("GET", "/api/v2/status", "server status", false, c -> status(c, GoJsonWriter.indented())));
        r.add(new Route("POST", "/api/v2/log", "set log level", false, this::log));
        r.add(new Route("GET", "/api/v2/captures", "list captures", true, this::captures));
        // the new architecture drains only through PUT /api/v1/captures/drain (pingcap/ticdc api/v2/api.go)
        if (!ApiContext.newKernel(schema)) r.add(new Route("POST", "/api/v2/captures/:capture_id/drain", "drain capture", true, this::drain));
        r.add(new Route("POST", "/api/v2/owner/resign", "resign owner", schema.traits().resignForwardedToOwner(), this::resign));
        if (ApiContext.newKernel(schema)) r.add(new Route("POST", "/api/v2/log/redact", "set log redaction", false, new LogRedaction()::set));
    }

    Capture receiver(Call call) {
        ApiContext ctx = ApiContext.of(call);
        return ctx.cluster().membership().at(call.request().slot());
    }

    /**
     * tiflow: unhealthy while the owner is busy or the cluster is marked so; the new architecture
     * checks only that the coordinator (which the request is forwarded to) is alive
     * (pingcap/ticdc api/v2/health.go); a scripted {@code unhealthy} stands for a coordinator
     * that is not.
     */
    ApiResponse health(Call call) {
        ApiContext ctx = ApiContext.of(call);
        Cluster cluster = ctx.cluster();
        boolean unhealthy = ApiContext.newKernel(schema) ? receiver(call).ticdcLiveness() != Capture.ALIVE || cluster.unhealthy()
                : cluster.unhealthy() || cluster.ownerBusy();
        if (unhealthy) throw ApiError.of("CDC:ErrClusterIsUnhealthy", "TiCDC cluster is unhealthy");
        return ApiResponse.emptyObject();
    }

    ApiResponse status(Call call, GoJsonWriter w) {
        ApiContext ctx = ApiContext.of(call);
        Cluster cluster = ctx.cluster();
        ServerViews.status(w, receiver(call), cluster, ApiContext.newKernel(schema));
        return ApiResponse.json(200, w);
    }

    private ApiResponse log(Call call) {
        setLogLevel(call, true);
        return ApiResponse.emptyObject();
    }

    /**
     * The checks and effect shared by v1 and v2 log; {@code nullPanics}: v2 binds into a pointer
     * that a {@code null} body leaves nil, v1 into a value (the level stays empty, that is info).
     */
    void setLogLevel(Call call, boolean nullPanics) {
        String level = "info";
        try {
            JsonValue doc = GoJsonReader.read(call.body());
            if (doc == JsonValue.JNull.INSTANCE && nullPanics) throw new HandlerPanic("nil log level request");
            GoStruct req = LOG_LEVEL_REQ.zero().set("log_level", "info");
            level = ((GoStruct) GoBinder.decode(doc, LOG_LEVEL_REQ, req)).string("log_level");
        } catch (GoJsonSyntaxException e) {
            throw ApiError.committed("CDC:ErrAPIInvalidParam", "invalid log level: " + e.getMessage());
        }
        String lower = level.toLowerCase(Locale.ROOT);
        boolean ok = LEVELS.contains(level) || LEVELS.contains(lower) || (schema.traits().logLevelAcceptsWarning() && lower.equals("warning"));
        if (!ok) throw ApiError.of("CDC:ErrAPIInvalidParam", "fail to change log level: " + level);
        receiver(call).logLevel(lower.isEmpty() ? "info" : lower);
    }

    ApiResponse captures(Call call) {
        ApiContext ctx = ApiContext.of(call);
        Cluster cluster = ctx.cluster();
        List<Capture> captures = cluster.captures();
        boolean bare = V1Layer.fromV1(ctx, call);
        GoJsonWriter w = GoJsonWriter.compact();
        if (!bare) w.beginObject().name("total").value(captures.size()).name("items");
        w.beginArray();
        for (Capture c : captures) ServerViews.capture(w, c, cluster);
        w.endArray();
        if (!bare) w.endObject();
        return ApiResponse.json(200, w);
    }

    private ApiResponse drain(Call call) {
        int count = drainCount(ApiContext.of(call), call.param("capture_id"));
        return ApiResponse.json(202, GoJsonWriter.compact().beginObject().name("current_table_count").value(count).endObject());
    }

    /** The checks and effect shared by v1 and v2 drain; returns {@code current_table_count}. */
    int drainCount(ApiContext ctx, String captureId) {
        Cluster cluster = ctx.cluster();
        List<Capture> captures = cluster.captures();
        if (captures.size() <= 1) {
            throw ApiError.of("CDC:ErrSchedulerRequestFailed", "scheduler request failed, only one capture alive");
        }
        Capture target = cluster.membership().byId(captureId);
        if (target == null) throw ApiError.of("CDC:ErrCaptureNotExist", "capture not exists, " + captureId);
        if (cluster.membership().isOwner(target)) {
            throw ApiError.of("CDC:ErrSchedulerRequestFailed", "scheduler request failed, cannot drain the owner");
        }
        cluster.reschedule();
        return cluster.drainPoll(target);
    }

    /** Always 200 {} (202 through the new architecture's v1); on v7.3 any capture answers, and only an owner resigns. */
    ApiResponse resign(Call call) {
        ApiContext ctx = ApiContext.of(call);
        Cluster cluster = ctx.cluster();
        if (cluster.membership().isOwner(receiver(call))) cluster.resignOwner();
        return V1Layer.emptyObject(ctx, call);
    }

    /**
     * {@code POST /api/v2/log/redact} (pingcap/ticdc api/v2/log.go SetRedactMode; pkg/util/redact.go):
     * the process's log redaction only ever gets stricter, OFF then MARKER then ON; it answers
     * the previous and the current mode.
     */
    final class LogRedaction {
        private static final GoType.Struct REQ = new GoType.Struct("v2.RedactModeReq")
                .fields(List.of(Field.of("redact_info_log", Scalar.STRING)));
        private static final List<String> LEVELS = List.of("OFF", "MARKER", "ON");

        ApiResponse set(Call call) {
            String mode;
            try {
                JsonValue doc = GoJsonReader.read(call.body());
                mode = doc == JsonValue.JNull.INSTANCE ? ""
                        : ((GoStruct) GoBinder.decode(doc, REQ, REQ.zero())).string("redact_info_log");
            } catch (GoJsonSyntaxException e) {
                throw ApiError.committed("CDC:ErrAPIInvalidParam", "invalid redact mode: " + e.getMessage());
            }
            String trimmed = mode.strip();
            if (trimmed.isEmpty()) {
                throw ApiError.of("CDC:ErrAPIInvalidParam", "missing required field 'redact_info_log': must be 'off', 'on', or 'marker'");
            }
            String requested = switch (trimmed.toUpperCase(Locale.ROOT)) {
                case "ON", "TRUE", "1", "ENABLE", "ENABLED" -> "ON";
                case "MARKER", "MARK" -> "MARKER";
                case "OFF", "FALSE", "0", "DISABLE", "DISABLED" -> "OFF";
                default -> throw ApiError.of("CDC:ErrAPIInvalidParam",
                        "invalid redact mode '" + trimmed + "': must be 'off', 'on', or 'marker'");
            };
            Capture self = receiver(call);
            String current = self.redactMode();
            if (LEVELS.indexOf(requested) < LEVELS.indexOf(current)) {
                throw ApiError.of("CDC:ErrAPIInvalidParam", "cannot transition from '" + current + "' to '" + trimmed
                        + "': only transitions to more restrictive modes are allowed (OFF\u2192MARKER\u2192ON)");
            }
            self.redactMode(requested);
            GoJsonWriter w = GoJsonWriter.compact().beginObject().name("previous_mode").value(current)
                    .name("current_mode").value(requested).endObject();
            return ApiResponse.json(200, w);
        }
    }
}
