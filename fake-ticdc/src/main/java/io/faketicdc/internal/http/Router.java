package io.faketicdc.internal.http;

import java.util.ArrayList;
import java.util.HashMap;
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

    private record Compiled(Route route, PathPattern pattern) { }

    /** What a lookup found: a call to make, or a finished answer (404, redirect). */
    public record Match(Call call, ApiResponse answer) { }

    public Router add(Route route) {
        byMethod.computeIfAbsent(route.method(), m -> new ArrayList<>()).add(new Compiled(route, route.compiledPattern()));
        return this;
    }

    /**
     * The operation names of every route, sorted and unmodifiable; collected on first use (a
     * profile's router is shared by its fakes, and every fake's start asks: see ApiRoutes).
     */
    public java.util.Set<String> operations() {
        java.util.Set<String> ops = operations;
        if (ops == null) {
            java.util.Set<String> sorted = new java.util.TreeSet<>();
            for (Route r : routes()) sorted.add(r.operation());
            ops = java.util.Collections.unmodifiableSet(sorted);
            operations = ops; // a race only collects the same names twice
        }
        return ops;
    }

    /** Set once by {@link #operations()}; routes are all added before the router is shared. */
    private volatile java.util.Set<String> operations;

    public List<Route> routes() {
        List<Route> all = new ArrayList<>();
        byMethod.values().forEach(l -> l.forEach(c -> all.add(c.route())));
        return all;
    }

    public Match match(ApiRequest request) {
        return match(request, null);
    }

    /** The match of {@code request}, its call served in {@code scope} (see {@link Call#scope()}). */
    public Match match(ApiRequest request, Object scope) {
        List<Compiled> candidates = byMethod.get(request.method());
        if (candidates == null) return new Match(null, notFound());
        String path = request.path();
        Call call = find(candidates, request, path, scope);
        if (call != null) return new Match(call, null);
        String toggled = toggleSlash(path);
        if (toggled != null && find(candidates, request, toggled, scope) != null) {
            return new Match(null, redirect(request, toggled));
        }
        return new Match(null, notFound());
    }

    public static ApiResponse notFound() {
        return ApiResponse.text(404, "text/plain", NOT_FOUND);
    }

    private static Call find(List<Compiled> candidates, ApiRequest request, String path, Object scope) {
        String[] segs = PathPattern.segments(path);
        for (Compiled c : candidates) {
            Map<String, String> params = c.pattern().bind(segs);
            if (params != null) return new Call(request, c.route(), params, null, scope);
        }
        return null;
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
