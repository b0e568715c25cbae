package io.faketicdc.bench.suites;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.stream.IntStream;

/**
 * What every suite shares: one HTTP client (as a real suite would keep one) and the number of
 * tests, read when JUnit discovers the suite so the runner can do a short warm-up round first.
 */
public final class SuiteSupport {
    /** Set by the runner before each launch. */
    public static final String TESTS = "bench.suite.tests";
    /** The base URL of the one server the "no server" baseline talks to, started outside the suite. */
    public static final String BASELINE_URL = "bench.suite.baselineUrl";

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SuiteSupport() { }

    /** The @MethodSource of every suite: one test per int. */
    public static IntStream tests() {
        return IntStream.range(0, Integer.getInteger(TESTS, 1000));
    }

    /** One GET; fails the test unless it answers 200. */
    static String get(String url) throws IOException, InterruptedException {
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new AssertionError("GET " + url + " -> " + r.statusCode());
        return r.body();
    }
}
