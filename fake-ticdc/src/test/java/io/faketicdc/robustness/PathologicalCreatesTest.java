package io.faketicdc.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.api.Http;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Exchange;
import io.faketicdc.internal.http.Route;
import io.faketicdc.internal.http.Router;
import io.faketicdc.internal.routes.CaptureEndpoint;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A create (or update) with a pathological body cannot stall the fake or leave anything behind:
 * its parsing, validation and filter compilation run before the cluster's lock (a route's prepare
 * step), other requests are served meanwhile, a failed create adds nothing, and compiled filter
 * rules are cached nowhere. How long the lock is held and the heap left after a delete are
 * measured by the benchmark's part (g), not here.
 */
class PathologicalCreatesTest {

    @Test
    void anotherRequestIsServedWhileACreateIsStillPreparingItsBody() {
        Cluster cluster = new Cluster(FakeConfig.builder().build(), List.of("127.0.0.1:1"));
        CountDownLatch preparing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Object> seenByHandler = new AtomicReference<>();
        Router router = new Router()
                .add(new Route("POST", "/slow", "slow create", false, call -> {
                    seenByHandler.set(call.prepared());
                    return ApiResponse.bare(200);
                }, call -> {
                    preparing.countDown();
                    await(release); // held here until the other request has been served
                    return "parsed";
                }))
                .add(new Route("GET", "/quick", "quick read", false, call -> ApiResponse.bare(204)));
        List<CaptureEndpoint> peers = new ArrayList<>();
        CaptureEndpoint endpoint = new CaptureEndpoint(cluster, router, 0, slot -> 1, peers, CaptureEndpoint.ForwardFaults.NONE);
        peers.add(endpoint);
        Exchange slow = exchange(endpoint, "POST", "/slow");
        Exchange quick = exchange(endpoint, "GET", "/quick");

        // a hang (the prepare step run under the lock) fails the test instead of stalling the build
        assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
            Thread creator = new Thread(() -> endpoint.serve(slow), "slow-create");
            creator.start();
            preparing.await();
            endpoint.serve(quick);
            assertThat(quick.response().status()).isEqualTo(204);
            assertThat(slow.response()).as("the create is still preparing").isNull();
            release.countDown();
            creator.join();
        });
        assertThat(slow.response().status()).isEqualTo(200);
        assertThat(seenByHandler.get()).isEqualTo("parsed");
        assertThat(quick.sequence()).isLessThan(slow.sequence() == 0 ? Long.MAX_VALUE : slow.sequence());
    }

    @Test
    void everyRouteThatTakesAReplicaConfigPreparesItBeforeTheLock() {
        List<String> prepared = io.faketicdc.internal.routes.ApiRoutes.of(io.faketicdc.Profile.MASTER).routes().stream()
                .filter(r -> r.prepare() != null).map(Route::operation).toList();
        assertThat(prepared).contains("create changefeed", "update changefeed", "v1 create changefeed", "v1 update changefeed", "verify table");
    }

    private static Exchange exchange(CaptureEndpoint endpoint, String method, String path) {
        ApiRequest request = new ApiRequest(method, path, null, Map.of(), new byte[0], 1, 0);
        return new Exchange(request, endpoint.route(request), null, () -> 0L);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code n} rules naming no upstream table, then {@code last}. */
    private static String createWithRules(String id, int n, String last) {
        StringBuilder b = new StringBuilder("{\"changefeed_id\":\"").append(id)
                .append("\",\"sink_uri\":\"blackhole://\",\"replica_config\":{\"filter\":{\"rules\":[");
        for (int i = 0; i < n; i++) b.append("\"db").append(i).append(".t").append(i).append("\",");
        return b.append('"').append(last).append("\"]}}}").toString();
    }

    @Test
    void aCreateWithManyRulesSelectsByItsLastMatchingRuleAndAFailedOneLeavesNothing() {
        try (FakeTiCdc fake = FakeTiCdc.create(c -> c.journalCapacity(0)).start()) {
            Http.Response ok = Http.send(fake.port(), "POST", "/api/v2/changefeeds", createWithRules("many", 20_000, "test.t2"));
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            String capture = fake.cluster().captures().get(0).id();
            Http.Response tables = Http.send(fake.port(), "GET", "/api/v2/processors/many/" + capture, null);
            assertThat(tables.body()).as("only test.t2 (table 106) is selected").isEqualTo("{\"table_ids\":[106]}");

            Http.Response bad = Http.send(fake.port(), "POST", "/api/v2/changefeeds", createWithRules("bad", 20_000, "a.b.c"));
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            Http.Response panics = Http.send(fake.port(), "POST", "/api/v2/changefeeds",
                    "{\"changefeed_id\":\"nil\",\"sink_uri\":\"blackhole://\",\"replica_config\":null}");
            assertThat(panics.status()).isEqualTo(500);

            assertThat(fake.changefeeds()).extracting(c -> c.id()).containsExactly("many");
            assertThat(Http.send(fake.port(), "GET", "/api/v2/changefeeds/bad", null).status()).isEqualTo(400);
            assertThat(Http.send(fake.port(), "DELETE", "/api/v2/changefeeds/many", null).status()).isEqualTo(200);
            assertThat(fake.changefeeds()).isEmpty();
        }
    }

    @Test
    void anUpdateWithManyRulesIsCheckedBeforeTheLockAndStillInItsRealOrder() {
        try (FakeTiCdc fake = FakeTiCdc.create(c -> c.journalCapacity(0)).start()) {
            assertThat(Http.send(fake.port(), "POST", "/api/v2/changefeeds",
                    "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(200);
            String update = createWithRules("cf", 5_000, "a.b.c");
            // running: refused for its state before its body counts, as the real handler orders it
            Http.Response running = Http.send(fake.port(), "PUT", "/api/v2/changefeeds/cf", update);
            assertThat(running.body()).contains("can only update changefeed config when it is stopped or failed");
            assertThat(Http.send(fake.port(), "POST", "/api/v2/changefeeds/cf/pause", null).status()).isEqualTo(200);
            Http.Response invalid = Http.send(fake.port(), "PUT", "/api/v2/changefeeds/cf", update);
            assertThat(invalid.body()).contains("CDC:ErrChangefeedUpdateRefused").contains("a.b.c");
            Http.Response valid = Http.send(fake.port(), "PUT", "/api/v2/changefeeds/cf", createWithRules("cf", 5_000, "test.*"));
            assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        }
    }

    @Test
    void compiledFilterRulesAreCachedNowhere() {
        Class<?> filters = io.faketicdc.internal.config.TableFilters.class;
        assertThat(Arrays.stream(filters.getDeclaredFields()).filter(f -> Modifier.isStatic(f.getModifiers())))
                .as("no static state in TableFilters").isEmpty();
    }
}
