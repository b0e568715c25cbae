package io.faketicdc.faults;

import io.faketicdc.api.ApiTestBase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/** A fresh fake per test and a java.net.http client, to see faults as a real client sees them. */
abstract class FaultTestBase extends ApiTestBase {
    static final String CREATE_CF1 = "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}";

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        return callSlot(0, method, path, body, Duration.ofSeconds(15));
    }

    HttpResponse<String> callSlot(int slot, String method, String path, String body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl(slot) + path)).timeout(timeout)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)).build();
        return client.send(request, BodyHandlers.ofString());
    }

    HttpResponse<String> createCf1() throws IOException, InterruptedException {
        return call("POST", "/api/v2/changefeeds", CREATE_CF1);
    }

    int status(String method, String path, String body) throws IOException, InterruptedException {
        return call(method, path, body).statusCode();
    }
}
