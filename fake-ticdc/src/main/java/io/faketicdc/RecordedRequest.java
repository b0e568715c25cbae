package io.faketicdc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One exchange as the client of one capture's port saw it, kept by {@link RequestJournal}.
 * Immutable by contract: the header maps are read-only views and the byte arrays are shared, not
 * copied, so do not modify them. Equality ignores {@link #durationNanos()}. Serialises to JSON
 * with a Jackson {@code ObjectMapper} that has found fake-ticdc's module
 * ({@code new ObjectMapper().findAndRegisterModules()}), as the control API writes it: the bodies
 * as {@code bodyText} and {@code responseBodyText}, the time as ISO-8601, and the credentials of
 * {@code Authorization} and {@code Proxy-Authorization} masked ({@code "Bearer ******"}; the control
 * API's {@code GET /fake/v1/requests?unmasked=true} writes them as received). This record itself
 * keeps the header's value, so a Java test can check the credentials its client sent;
 * {@link #describe()} never shows headers.
 *
 * @param sequence       1, 2, 3... in the order the fake recorded the exchanges
 * @param time           the fake's virtual clock when the request arrived
 * @param slot           the capture (by slot) whose port received the request
 * @param port           that port
 * @param method         the HTTP method as sent
 * @param path           the percent-decoded path the fake routed on
 * @param rawQuery       the query string as sent, or null
 * @param headers        the request headers as received, {@code Authorization} included as sent (the
 *                       JSON form and the control API mask its credentials, see above)
 * @param body           the request body (empty, never null)
 * @param operation      the matched route's operation ({@code "create changefeed"}), or null for a
 *                       404 or a trailing-slash redirect
 * @param forwardedTo    the owner's slot when this capture forwarded the request to the owner
 * @param forwardedFrom  the {@code TiCDC-ForwardFromCapture} header ({@code TiCDC-ForwardFrom} in the new architecture): set when the request reached
 *                       this port through another capture's forwarding
 * @param status         the response status; 0 when no status line was sent (a fault reset or
 *                       closed the connection, sent garbage, or left the request hanging)
 * @param contentType    the response Content-Type, or null for none
 * @param responseHeaders other response headers (such as Location)
 * @param responseBody   the response body (empty, never null)
 * @param fault          the ID of the fault rule (or cluster fault) that fired on this request, or null
 * @param faultEffect    what it did ({@code "error"}, {@code "reset"}, {@code "delay+error"}, {@code
 *                       "partition"}...; see {@code Effect.kind()}), or null
 * @param durationNanos  wall-clock time the fake took to answer (not part of equality)
 */
public record RecordedRequest(
        long sequence,
        Instant time,
        int slot,
        int port,
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String operation,
        Integer forwardedTo,
        String forwardedFrom,
        int status,
        String contentType,
        Map<String, String> responseHeaders,
        byte[] responseBody,
        String fault,
        String faultEffect,
        long durationNanos) {

    public RecordedRequest {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(headers);
        responseHeaders = responseHeaders == null ? Map.of() : java.util.Collections.unmodifiableMap(responseHeaders);
        body = body == null ? new byte[0] : body;
        responseBody = responseBody == null ? new byte[0] : responseBody;
    }

    /** A record of an exchange no fault touched. */
    public RecordedRequest(long sequence, Instant time, int slot, int port, String method, String path, String rawQuery,
            Map<String, List<String>> headers, byte[] body, String operation, Integer forwardedTo, String forwardedFrom,
            int status, String contentType, Map<String, String> responseHeaders, byte[] responseBody, long durationNanos) {
        this(sequence, time, slot, port, method, path, rawQuery, headers, body, operation, forwardedTo, forwardedFrom,
                status, contentType, responseHeaders, responseBody, null, null, durationNanos);
    }

    /**
     * Requests with this method (case-insensitive; null or {@code *} for any) and a path matching
     * a gin pattern ({@code /api/v2/changefeeds/:changefeed_id/pause}, {@code *rest} for the
     * remainder) or equal to an exact path.
     */
    public static Predicate<RecordedRequest> matches(String method, String pathPattern) {
        return new MethodAndPath(method, pathPattern);
    }

    /** The request body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The response body as UTF-8 text. */
    public String responseBodyText() {
        return new String(responseBody, StandardCharsets.UTF_8);
    }

    /** The first value of a request header (case-insensitive name), or null. */
    public String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a request header (case-insensitive name); empty when absent. */
    public List<String> headers(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return List.of();
    }

    /** A response header other than Content-Type (case-insensitive name), or null. */
    public String responseHeader(String name) {
        for (Map.Entry<String, String> e : responseHeaders.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    /** The path, with {@code ?query} when there is one. */
    public String pathAndQuery() {
        return rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    /** One line: {@code #3 POST /api/v2/changefeeds -> 200 (create changefeed)}. */
    public String describe() {
        StringBuilder b = new StringBuilder().append('#').append(sequence).append(' ').append(method)
                .append(' ').append(pathAndQuery()).append(" -> ").append(status);
        if (operation != null) b.append(" (").append(operation).append(')');
        if (slot != 0 || forwardedTo != null) b.append(" [capture ").append(slot);
        if (forwardedTo != null) b.append(", forwarded to ").append(forwardedTo);
        if (slot != 0 || forwardedTo != null) b.append(']');
        if (forwardedFrom != null) b.append(" [via ").append(forwardedFrom).append(']');
        if (fault != null) b.append(" [fault ").append(fault).append(": ").append(faultEffect).append(']');
        return b.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedRequest r && sequence == r.sequence && slot == r.slot && port == r.port
                && status == r.status && time.equals(r.time) && method.equals(r.method) && path.equals(r.path)
                && Objects.equals(rawQuery, r.rawQuery) && headers.equals(r.headers) && Arrays.equals(body, r.body)
                && Objects.equals(operation, r.operation) && Objects.equals(forwardedTo, r.forwardedTo)
                && Objects.equals(forwardedFrom, r.forwardedFrom) && Objects.equals(contentType, r.contentType)
                && responseHeaders.equals(r.responseHeaders) && Arrays.equals(responseBody, r.responseBody)
                && Objects.equals(fault, r.fault) && Objects.equals(faultEffect, r.faultEffect);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, time, slot, port, method, path, rawQuery, headers, Arrays.hashCode(body),
                operation, forwardedTo, forwardedFrom, status, contentType, responseHeaders,
                Arrays.hashCode(responseBody), fault, faultEffect);
    }
}
