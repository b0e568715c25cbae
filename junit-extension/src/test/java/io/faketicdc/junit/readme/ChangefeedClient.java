package io.faketicdc.junit.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/** Stands for the code under test in the README examples: a small TiCDC client. */
public final class ChangefeedClient {
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public ChangefeedClient(URI baseUri) {
        this.base = baseUri;
    }

    public void create(String id, String sinkUri) {
        send("POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"" + sinkUri + "\"}");
    }

    public void pause(String id) {
        send("POST", "/api/v2/changefeeds/" + id + "/pause", null);
    }

    /** A changefeed must be stopped to be updated: pause, update, resume. */
    public void changeSink(String id, String sinkUri) {
        pause(id);
        send("PUT", "/api/v2/changefeeds/" + id, "{\"sink_uri\":\"" + sinkUri + "\"}");
        send("POST", "/api/v2/changefeeds/" + id + "/resume", "{}");   // resume needs a JSON body
    }

    private void send(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> r = http.send(request, BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException(method + " " + path + ": " + r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
