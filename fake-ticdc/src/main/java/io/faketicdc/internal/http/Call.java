package io.faketicdc.internal.http;

import java.util.Map;

/** A matched request: the request, the route it matched and the decoded path parameters. */
public record Call(ApiRequest request, Route route, Map<String, String> params) {

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
