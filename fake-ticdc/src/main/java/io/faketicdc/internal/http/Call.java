package io.faketicdc.internal.http;

import java.util.Map;

/**
 * A matched request: the request, the route it matched, the decoded path parameters, what the
 * route's {@link Route.Prepare} step made of it (null when it has none or it has not run), and the
 * scope it is served in: what the router's user gave {@link Router#match(ApiRequest, Object)}
 * (a fake's routes are shared by every fake of its profile; the scope is the one fake's).
 */
public record Call(ApiRequest request, Route route, Map<String, String> params, Prepared preparation, Object scope) {

    /** The same call for another request (a forwarded hop, a rewritten body): route, parameters, preparation and scope kept. */
    public Call forRequest(ApiRequest other) {
        return new Call(other, route, params, preparation, scope);
    }

    /** The outcome of a prepare step: its result, or the exception it threw. */
    public record Prepared(Object value, RuntimeException failure) {
        /** Runs {@code call}'s prepare step; an exception is kept for the handler, not thrown. */
        static Prepared of(Call call) {
            try {
                return new Prepared(call.route().prepare().prepare(call), null);
            } catch (RuntimeException e) {
                return new Prepared(null, e);
            }
        }
    }

    /**
     * This call with its route's prepare step run (outside any lock); the same call when the route
     * has none or it ran already.
     */
    public Call prepare() {
        if (route.prepare() == null || preparation != null) return this;
        return new Call(request, route, params, Prepared.of(this), scope);
    }

    /** The prepare step's result, or what it threw, rethrown here; runs it now if it has not run. */
    @SuppressWarnings("unchecked")
    public <T> T prepared() {
        Prepared p = preparation != null ? preparation : Prepared.of(this);
        if (p.failure() != null) throw p.failure();
        return (T) p.value();
    }

    public String param(String name) {
        return params.get(name);
    }

    public String query(String name) {
        return request.query(name);
    }

    public byte[] body() {
        return request.body();
    }
}
