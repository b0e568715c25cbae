package io.faketicdc.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the engine sees it, independent of the server library: the method, the
 * percent-decoded path gin routes on, the raw query, the headers and the body bytes, and which
 * capture (its slot, i.e. its port) received it.
 */
public record ApiRequest(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        int localPort,
        int slot) {

    /** First value of a header, case-insensitive, or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
        }
        return null;
    }

    /** Go's {@code c.Query(name)}: first value, or "" when absent. */
    public String query(String name) {
        return QueryString.first(rawQuery, name);
    }

    public String pathAndQuery() {
        return rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    /** The same request as received by another capture, with extra headers (owner forwarding). */
    public ApiRequest forwardedTo(int ownerPort, int ownerSlot, Map<String, List<String>> newHeaders) {
        return new ApiRequest(method, path, rawQuery, newHeaders, body, ownerPort, ownerSlot);
    }

    public String methodUpper() {
        return method.toUpperCase(Locale.ROOT);
    }
}
