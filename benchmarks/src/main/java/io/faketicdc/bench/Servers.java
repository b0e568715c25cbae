package io.faketicdc.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.faketicdc.ChangefeedSeed;
import io.faketicdc.FakeTiCdc;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Locale;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** The fake and its peers behind one start/port/close shape; each peer serves one static JSON body. */
public final class Servers {
    private Servers() { }

    public enum Kind {
        FAKE("fake-ticdc"), JAVALIN("bare Javalin 7"), MOCKWEBSERVER("MockWebServer 5"), WIREMOCK("WireMock 3");

        public final String label;

        Kind(String label) {
            this.label = label;
        }

        public static Kind of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** A running server. */
    public interface Running extends AutoCloseable {
        int port();

        default String baseUrl() {
            return "http://127.0.0.1:" + port();
        }

        @Override
        void close();
    }

    /** The path every peer serves (the fake serves it for real, with the seeded changefeed "cf1"). */
    public static final String PATH = "/api/v2/changefeeds/cf1";

    private static volatile String body;

    /** What the fake answers to GET {@link #PATH}: the body the peers serve statically. */
    public static String changefeedJson() {
        if (body == null) {
            synchronized (Servers.class) {
                if (body == null) {
                    try (FakeTiCdc fake = FakeTiCdc.create().start()) {
                        fake.seed(ChangefeedSeed.builder("cf1").build());
                        body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + PATH))
                                .build(), BodyHandlers.ofString()).body();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return body;
    }

    public static Running start(Kind kind) {
        return switch (kind) {
            case FAKE -> fake();
            case JAVALIN -> javalin(changefeedJson());
            case MOCKWEBSERVER -> mockWebServer(changefeedJson());
            case WIREMOCK -> wireMock(changefeedJson());
        };
    }

    /** {@code FakeTiCdc.create().start()} and nothing else: what start+stop measures. */
    public static Running fake() {
        return fake(f -> { });
    }

    /** A started fake, {@code setUp} applied to it (seeding, say) before it is handed out. */
    public static Running fake(java.util.function.Consumer<FakeTiCdc> setUp) {
        FakeTiCdc fake = FakeTiCdc.create().start();
        setUp.accept(fake);
        return new Running() {
            @Override
            public int port() {
                return fake.port();
            }

            @Override
            public void close() {
                fake.close();
            }
        };
    }

    public static Running javalin(String json) {
        return javalinAt(PATH, json);
    }

    /**
     * The floor under the fake: a port of the fake's own shared Javalin/Jetty server (as a fake's
     * capture binds it) answering {@code json} to every request, with none of the engine behind it
     * (no cluster, routing, faults or journal). What the fake costs above this is its own work.
     */
    public static Running fakePortOnly(String json) {
        io.faketicdc.internal.server.CaptureServers ports = io.faketicdc.internal.server.CaptureServers.bind("127.0.0.1", 0, 1);
        io.faketicdc.internal.http.Reply answer = io.faketicdc.internal.http.Reply.of(
                io.faketicdc.internal.http.ApiResponse.json(200, json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ports.engines(java.util.List.of(request -> answer));
        return new Running() {
            @Override
            public int port() {
                return ports.port(0);
            }

            @Override
            public void close() {
                ports.close();
            }
        };
    }

    public static Running javalinAt(String path, String json) {
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.routes.get(path, ctx -> ctx.contentType("application/json; charset=utf-8").result(json));
        }).start();
        return new Running() {
            @Override
            public int port() {
                return app.port();
            }

            @Override
            public void close() {
                app.stop();
            }
        };
    }

    public static Running mockWebServer(String json) {
        MockWebServer server = new MockWebServer();
        MockResponse response = new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json; charset=utf-8").body(json).build();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Running() {
            @Override
            public int port() {
                return server.getPort();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    public static Running wireMock(String json) {
        return wireMockAt(PATH, json);
    }

    /** MockWebServer answering every path with the JSON. */
    public static Running mockWebServerAt(String json) {
        return mockWebServer(json);
    }

    public static Running wireMockAt(String path, String json) {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1").dynamicPort().notifier(new ConsoleNotifier(false)));
        server.start();
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(json)));
        return new Running() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public void close() {
                server.stop();
            }
        };
    }
}
