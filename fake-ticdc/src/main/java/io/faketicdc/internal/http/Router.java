package io.faketicdc.internal.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * gin v1.9's routing as TiCDC configures it: exact method and path, {@code :param} segments
 * that match one non-empty segment, no 405 (a wrong method is a 404), and a 301 (GET) or 307
 * redirect when only the path with its trailing slash toggled would match.
 */
public final class Router {
    private static final String NOT_FOUND = "404 page not found";

    private final Map<String, List<Compiled>> byMethod = new HashMap<>();

    private record Compiled(Route route, String[] segments) { }

    /** What a lookup found: a call to make, or a finished answer (404, redirect). */
    public record Match(Call call, ApiResponse answer) { }

    public Router add(Route route) {
        byMethod.computeIfAbsent(route.method(), m -> new ArrayList<>()).add(new Compiled(route, route.segments()));
        return this;
    }

    public List<Route> routes() {
        List<Route> all = new ArrayList<>();
        byMethod.values().forEach(l -> l.forEach(c -> all.add(c.route())));
        return all;
    }

    public Match match(ApiRequest request) {
        List<Compiled> candidates = byMethod.get(request.method());
        if (candidates == null) return new Match(null, notFound());
        String path = request.path();
        Call call = find(candidates, request, path);
        if (call != null) return new Match(call, null);
        String toggled = toggleSlash(path);
        if (toggled != null && find(candidates, request, toggled) != null) {
            return new Match(null, redirect(request, toggled));
        }
        return new Match(null, notFound());
    }

    /** Whether a path matches a gin-style pattern ({@code :name} segments) or equals it. */
    public static boolean matches(String pattern, String path) {
        return pattern.equals(path) || bind(split(pattern), split(path)) != null;
    }

    public static ApiResponse notFound() {
        return ApiResponse.text(404, "text/plain", NOT_FOUND);
    }

    private static Call find(List<Compiled> candidates, ApiRequest request, String path) {
        String[] segs = split(path);
        for (Compiled c : candidates) {
            Map<String, String> params = bind(c.segments(), segs);
            if (params != null) return new Call(request, c.route(), params);
        }
        return null;
    }

    private static Map<String, String> bind(String[] pattern, String[] path) {
        if (pattern.length != path.length) return null;
        Map<String, String> params = null;
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith(":")) {
                if (path[i].isEmpty()) return null;
                if (params == null) params = new LinkedHashMap<>(4);
                params.put(p.substring(1), path[i]);
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    /** Splits "/a/b/" into ["a", "b", ""]: a trailing slash is an empty last segment. */
    static String[] split(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') return new String[] {"\u0000"};
        return path.substring(1).split("/", -1);
    }

    private static String toggleSlash(String path) {
        if (path.length() > 1 && path.endsWith("/")) return path.substring(0, path.length() - 1);
        if (path.equals("/")) return null;
        return path + "/";
    }

    /** net/http's Redirect as gin calls it: Location keeps the query; GET gets a small HTML body. */
    private static ApiResponse redirect(ApiRequest request, String target) {
        String location = request.rawQuery() == null || request.rawQuery().isEmpty()
                ? target : target + "?" + request.rawQuery();
        boolean get = request.method().equals("GET");
        int status = get ? 301 : 307;
        if (get) {
            String body = "<a href=\"" + htmlEscape(location) + "\">Moved Permanently</a>.\n\n";
            return new ApiResponse(status, "text/html; charset=utf-8", Map.of("Location", location),
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new ApiResponse(status, null, Map.of("Location", location), new byte[0]);
    }

    private static String htmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&#34;").replace("'", "&#39;");
    }
}
