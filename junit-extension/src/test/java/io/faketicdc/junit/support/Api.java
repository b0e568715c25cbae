package io.faketicdc.junit.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real HTTP calls to a fake's changefeed routes, over java.net.http. */
public final class Api {
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private Api() { }

    /** POST /api/v2/changefeeds with a blackhole sink; fails unless the fake answers 200. */
    public static void createChangefeed(String baseUrl, String id) {
        String body = "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v2/changefeeds"))
                .POST(BodyPublishers.ofString(body)).build());
        if (r.statusCode() != 200) throw new AssertionError("create " + id + ": " + r.statusCode() + " " + r.body());
    }

    /** The body of GET /api/v2/changefeeds. */
    public static String listChangefeeds(String baseUrl) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v2/changefeeds")).build());
        if (r.statusCode() != 200) throw new AssertionError("list: " + r.statusCode() + " " + r.body());
        return r.body();
    }

    /** The {@code total} of GET /api/v2/changefeeds. */
    public static int changefeedCount(String baseUrl) {
        Matcher m = TOTAL.matcher(listChangefeeds(baseUrl));
        if (!m.find()) throw new AssertionError("no total in the list answer");
        return Integer.parseInt(m.group(1));
    }

    /** Any request without a body; returns the status. */
    public static int call(String method, String baseUrl, String path) {
        return call(method, baseUrl, path, null);
    }

    /** Any request with a JSON body (null: none); returns the status. */
    public static int call(String method, String baseUrl, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .build()).statusCode();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        // a client per call: no pooled connection outlives the fake it was opened to
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            return client.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
