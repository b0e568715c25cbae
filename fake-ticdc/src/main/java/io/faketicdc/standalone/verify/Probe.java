package io.faketicdc.standalone.verify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Before any case, and before anything is created: read-only requests that tell a TiCDC server
 * from anything else (GET {@code /api/v2/status} must be TiCDC's status JSON, GET
 * {@code /api/v2/changefeeds} its list). Anything else is a {@link BadTarget}.
 */
final class Probe {
    private Probe() { }

    static void check(Target target) {
        Reply status = target.send("GET", "/api/v2/status", null);
        String what = target.url() + " is not a TiCDC server: GET /api/v2/status answered ";
        if (status.status() == 401 || status.status() == 403) {
            throw new BadTarget(target.url() + " refused GET /api/v2/status with " + status.status() + " (credentials: --user NAME:PASSWORD)");
        }
        if (status.status() == 503) throw new BadTarget(target.url() + " answered 503: the capture is not ready");
        JsonNode n = jsonObject(status);
        if (status.status() != 200 || n == null) {
            throw new BadTarget(what + status.status() + " " + describe(status));
        }
        if (!n.path("version").isTextual() || !n.path("id").isTextual() || !n.path("is_owner").isBoolean()) {
            throw new BadTarget(what + "JSON without TiCDC's version, id and is_owner");
        }
        Reply list = target.send("GET", "/api/v2/changefeeds", null);
        JsonNode l = jsonObject(list);
        if (list.status() != 200 || l == null || !l.path("items").isArray()) {
            throw new BadTarget(target.url() + " is not a TiCDC server: GET /api/v2/changefeeds answered " + list.status() + " " + describe(list));
        }
    }

    private static JsonNode jsonObject(Reply r) {
        try {
            JsonNode n = Ctx.JSON.readTree(r.body());
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String describe(Reply r) {
        String type = r.contentType() == null ? "no Content-Type" : r.contentType();
        String body = r.body().strip();
        if (body.regionMatches(true, 0, "<!doctype html", 0, 14) || body.regionMatches(true, 0, "<html", 0, 5)) return "an HTML page (" + type + ")";
        return "(" + type + ") " + r.head();
    }
}
