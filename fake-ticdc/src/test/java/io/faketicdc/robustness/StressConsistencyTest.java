package io.faketicdc.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.RecordedRequest;
import io.faketicdc.internal.clock.Tso;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 16 threads hammer one three-capture fake over HTTP with a mix of create, pause,
 * resume, update, delete, list, get, owner resign and drain on a small set of IDs, through all
 * three ports (so most owner-only requests are forwarded). Checks, in this order:
 *
 * <ol>
 *   <li>every answer is one the real server gives for that request (status and error code from
 *       the operation's allowed set, an error JSON body, never an empty 5xx, never a stack trace);
 *   <li>the request journal is complete: one record per request, sequence numbers 1..n, nothing
 *       dropped, and the same answers the clients saw;
 *   <li>replaying the journal in sequence order through a sequential model of the cluster
 *       predicts every recorded answer (status, code, and what get and list showed), so the
 *       sequence numbers are a real handling order: no lost update, no torn read;
 *   <li>the final state (list {@code state=all}, and each changefeed's detail) equals the model
 *       after replaying the acknowledged operations;
 *   <li>the whole run finishes in time (no deadlock).
 * </ol>
 *
 * <p>Operations per thread: {@code -Dstress.ops=N} (default 1000, which keeps the class well under
 * 40 s on two cores; {@code -Dstress.ops=10000} is the full-size run and needs about ten
 * times as long and a few hundred MB of journal).
 */
class StressConsistencyTest {
    private static final int THREADS = 16;
    private static final int OPS = Integer.getInteger("stress.ops", 1000);
    private static final int IDS = 12;
    private static final Instant START = Instant.parse("2026-08-20T08:17:08.123Z");
    private static final long START_TSO = Tso.of(START);
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Op { CREATE, PAUSE, RESUME, UPDATE, DELETE, LIST, GET, RESIGN, DRAIN }

    private static final Op[] MIX = weighted(
            Op.CREATE, 14, Op.PAUSE, 14, Op.RESUME, 14, Op.UPDATE, 16, Op.DELETE, 8,
            Op.LIST, 10, Op.GET, 14, Op.RESIGN, 4, Op.DRAIN, 6);

    /**
     * Status and error code combinations the real server answers per operation (pingcap/tiflow
     * cdc/api/v2/changefeed.go; cdc/api/v2/api_helpers.go; cdc/api/v2/capture.go; cdc/api/v2/owner.go).
     */
    private static final Map<Op, Set<String>> ALLOWED = Map.of(
            Op.CREATE, Set.of("200", "500 CDC:ErrChangeFeedAlreadyExists"),
            Op.PAUSE, Set.of("200", "400 CDC:ErrChangeFeedNotExists"),
            Op.RESUME, Set.of("200", "400 CDC:ErrChangeFeedNotExists"),
            Op.UPDATE, Set.of("200", "400 CDC:ErrChangeFeedNotExists", "400 CDC:ErrChangefeedUpdateRefused"),
            Op.DELETE, Set.of("200"),
            Op.LIST, Set.of("200"),
            Op.GET, Set.of("200", "400 CDC:ErrChangeFeedNotExists"),
            Op.RESIGN, Set.of("200"),
            Op.DRAIN, Set.of("202", "400 CDC:ErrSchedulerRequestFailed"));

    @Test
    void concurrentMixedOperationsAreLinearizableAndMatchTheJournal() {
        assertTimeoutPreemptively(Duration.ofSeconds(Math.max(120, OPS / 20)), this::run,
                () -> "the stress run did not finish: deadlock or a hung request");
    }

    private void run() throws Exception {
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.seed(9).startInstant(START).zone(ZoneOffset.UTC)
                .captures(3).journalCapacity(THREADS * OPS + 1000)).start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            List<String> captureIds = new ArrayList<>();
            for (JsonNode c : JSON.readTree(send(http, fake, 0, "GET", "/api/v2/captures", null).body()).get("items")) {
                captureIds.add(c.get("id").asText());
            }
            assertThat(captureIds).hasSize(3);
            long setupRequests = 1;

            Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
            List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            long began = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                SplittableRandom rnd = new SplittableRandom(1000L + t);
                workers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < OPS; i++) {
                        Op op = MIX[rnd.nextInt(MIX.length)];
                        String id = "cf" + rnd.nextInt(IDS);
                        int slot = rnd.nextInt(3);
                        HttpResponse<String> r = perform(http, fake, slot, op, id, rnd, captureIds);
                        String outcome = outcome(r);
                        seen.computeIfAbsent(op + " " + outcome, k -> new AtomicLong()).incrementAndGet();
                        String bad = checkAnswer(op, r, outcome);
                        if (bad != null && violations.size() < 20) violations.add(op + " " + id + " via slot " + slot + ": " + bad);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> w : workers) w.get();
            pool.shutdown();
            long elapsedMs = (System.nanoTime() - began) / 1_000_000;
            System.out.printf("stress: %d threads x %d ops in %d ms (%.0f req/s); outcomes %s%n", THREADS, OPS,
                    elapsedMs, THREADS * (double) OPS * 1000 / Math.max(1, elapsedMs), new TreeMap<>(seen));
            assertThat(violations).as("answers the real server would not give").isEmpty();

            // the journal is complete and agrees with what the clients saw
            List<RecordedRequest> journal = fake.requests().all();
            assertThat(fake.requests().dropped()).isZero();
            assertThat(journal).hasSize((int) (setupRequests + (long) THREADS * OPS));
            for (int i = 0; i < journal.size(); i++) {
                assertThat(journal.get(i).sequence()).as("sequence numbers without gaps").isEqualTo(i + 1L);
            }
            Map<String, Long> journaled = new TreeMap<>();
            for (RecordedRequest r : journal.subList((int) setupRequests, journal.size())) {
                journaled.merge(opOf(r) + " " + outcome(r.status(), r.responseBodyText()), 1L, Long::sum);
            }
            Map<String, Long> clients = new TreeMap<>();
            seen.forEach((k, v) -> clients.put(k, v.get()));
            assertThat(journaled).as("the journal records the answers the clients got").isEqualTo(clients);

            // a sequential replay in journal order predicts every answer
            Model model = new Model(captureIds);
            for (RecordedRequest r : journal.subList((int) setupRequests, journal.size())) {
                String mismatch = model.apply(r);
                assertThat(mismatch).as("replay of #%d %s %s%s -> %d %s%n(journal order is not a handling order,"
                                + " or an update was lost)", r.sequence(), r.method(), r.path(),
                        r.rawQuery() == null ? "" : "?" + r.rawQuery(), r.status(), r.responseBodyText()).isNull();
            }

            // the final state equals the replayed model
            JsonNode list = JSON.readTree(send(http, fake, 0, "GET", "/api/v2/changefeeds?state=all", null).body());
            Map<String, String> finalStates = new TreeMap<>();
            for (JsonNode item : list.get("items")) finalStates.put(item.get("id").asText(), item.get("state").asText());
            assertThat(finalStates).isEqualTo(model.states());
            for (Map.Entry<String, Feed> e : model.feeds.entrySet()) {
                JsonNode detail = JSON.readTree(send(http, fake, 1, "GET", "/api/v2/changefeeds/" + e.getKey(), null).body());
                assertThat(detail.get("state").asText()).isEqualTo(e.getValue().state);
                assertThat(detail.path("target_ts").asLong(0)).as("target_ts of " + e.getKey()).isEqualTo(e.getValue().targetTs);
                assertThat(detail.get("start_ts").asLong()).isEqualTo(e.getValue().startTs);
            }
            JsonNode captures = JSON.readTree(send(http, fake, 2, "GET", "/api/v2/captures", null).body());
            for (JsonNode c : captures.get("items")) {
                assertThat(c.get("is_owner").asBoolean()).isEqualTo(c.get("id").asText().equals(captureIds.get(model.owner)));
            }
        }
    }

    private static HttpResponse<String> perform(HttpClient http, FakeTiCdc fake, int slot, Op op, String id,
            SplittableRandom rnd, List<String> captureIds) throws Exception {
        String base = "/api/v2/changefeeds";
        return switch (op) {
            case CREATE -> send(http, fake, slot, "POST", base,
                    "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}");
            case PAUSE -> send(http, fake, slot, "POST", base + "/" + id + "/pause", null);
            case RESUME -> send(http, fake, slot, "POST", base + "/" + id + "/resume", "{}");
            case UPDATE -> {
                // mostly seconds ahead of the start; sometimes not after start_ts (refused)
                long target = rnd.nextInt(8) == 0 ? START_TSO - 1 : START_TSO + ((1L + rnd.nextInt(4)) * 1000 << 18);
                yield send(http, fake, slot, "PUT", base + "/" + id, "{\"target_ts\":" + target + "}");
            }
            case DELETE -> send(http, fake, slot, "DELETE", base + "/" + id, null);
            case LIST -> send(http, fake, slot, "GET", base + "?state=all", null);
            case GET -> send(http, fake, slot, "GET", base + "/" + id, null);
            case RESIGN -> send(http, fake, slot, "POST", "/api/v2/owner/resign", null);
            case DRAIN -> send(http, fake, slot, "POST", "/api/v2/captures/" + captureIds.get(rnd.nextInt(3)) + "/drain", null);
        };
    }

    private static HttpResponse<String> send(HttpClient http, FakeTiCdc fake, int slot, String method, String path,
            String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(fake.baseUrl(slot) + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .build();
        return http.send(req, BodyHandlers.ofString());
    }

    private static String outcome(HttpResponse<String> r) {
        return outcome(r.statusCode(), r.body());
    }

    /** "200", or "400 CDC:ErrX" for an error body, or "500 <unparsable>" when the body is no error JSON. */
    static String outcome(int status, String body) {
        if (status < 400) return Integer.toString(status);
        try {
            return status + " " + JSON.readTree(body).get("error_code").asText();
        } catch (Exception e) {
            return status + " <not an error body>";
        }
    }

    private static String checkAnswer(Op op, HttpResponse<String> r, String outcome) {
        String body = r.body();
        if (!ALLOWED.get(op).contains(outcome)) return "unexpected " + outcome + ": " + body;
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("io.faketicdc")
                || body.contains("java.")) {
            return "stack trace or class name in body: " + body;
        }
        if (r.statusCode() >= 400) {
            try {
                JsonNode e = JSON.readTree(body);
                String code = e.get("error_code").asText();
                if (!e.get("error_msg").asText().startsWith("[" + code + "]")) return "error_msg without its code: " + body;
            } catch (Exception e) {
                return "error body is no JSON: " + body;
            }
            if (!body.startsWith("{\n    \"error_msg\"")) return "error body not indented: " + body;
        } else if (body.isEmpty()) {
            return "empty success body";
        }
        return null;
    }

    private static Op opOf(RecordedRequest r) {
        return switch (String.valueOf(r.operation())) {
            case "create changefeed" -> Op.CREATE;
            case "pause changefeed" -> Op.PAUSE;
            case "resume changefeed" -> Op.RESUME;
            case "update changefeed" -> Op.UPDATE;
            case "delete changefeed" -> Op.DELETE;
            case "list changefeeds" -> Op.LIST;
            case "get changefeed" -> Op.GET;
            case "resign owner" -> Op.RESIGN;
            case "drain capture" -> Op.DRAIN;
            default -> throw new AssertionError("unexpected request in the journal: " + r.describe());
        };
    }

    static final class Feed {
        String state = "normal";
        long startTs;
        long targetTs;
    }

    /** The cluster as a sequential machine: what each request must answer and what it changes. */
    static final class Model {
        final List<String> captureIds;
        final Map<String, Feed> feeds = new TreeMap<>();
        int owner = 0;

        Model(List<String> captureIds) {
            this.captureIds = captureIds;
        }

        Map<String, String> states() {
            Map<String, String> s = new TreeMap<>();
            feeds.forEach((id, f) -> s.put(id, f.state));
            return s;
        }

        /** Applies the recorded request; returns why the recorded answer is impossible here, or null. */
        String apply(RecordedRequest r) throws Exception {
            Op op = opOf(r);
            String got = outcome(r.status(), r.responseBodyText());
            String[] seg = r.path().split("/");
            String id = seg.length > 4 ? seg[4] : null;
            Feed f = id == null ? null : feeds.get(id);
            String expected;
            switch (op) {
                case CREATE -> {
                    String cid = JSON.readTree(r.bodyText()).get("changefeed_id").asText();
                    if (feeds.containsKey(cid)) {
                        expected = "500 CDC:ErrChangeFeedAlreadyExists";
                    } else {
                        expected = "200";
                        if (got.equals("200")) {
                            Feed n = new Feed();
                            n.startTs = JSON.readTree(r.responseBodyText()).get("start_ts").asLong();
                            feeds.put(cid, n);
                        }
                    }
                }
                case PAUSE -> {
                    expected = f == null ? "400 CDC:ErrChangeFeedNotExists" : "200";
                    if (f != null && f.state.equals("normal")) f.state = "stopped";
                }
                case RESUME -> {
                    expected = f == null ? "400 CDC:ErrChangeFeedNotExists" : "200";
                    if (f != null && f.state.equals("stopped")) f.state = "normal";
                }
                case UPDATE -> {
                    long target = JSON.readTree(r.bodyText()).get("target_ts").asLong();
                    if (f == null) expected = "400 CDC:ErrChangeFeedNotExists";
                    else if (!f.state.equals("stopped")) expected = "400 CDC:ErrChangefeedUpdateRefused";
                    else if (target <= f.startTs || target == f.targetTs) expected = "400 CDC:ErrChangefeedUpdateRefused";
                    else {
                        expected = "200";
                        f.targetTs = target;
                    }
                }
                case DELETE -> {
                    expected = "200";
                    feeds.remove(id);
                }
                case LIST -> {
                    expected = "200";
                    Map<String, String> listed = new TreeMap<>();
                    for (JsonNode item : JSON.readTree(r.responseBodyText()).get("items")) {
                        listed.put(item.get("id").asText(), item.get("state").asText());
                    }
                    if (!listed.equals(states())) return "list showed " + listed + ", model has " + states();
                }
                case GET -> {
                    expected = f == null ? "400 CDC:ErrChangeFeedNotExists" : "200";
                    if (f != null && got.equals("200")) {
                        JsonNode d = JSON.readTree(r.responseBodyText());
                        if (!d.get("state").asText().equals(f.state) || d.path("target_ts").asLong(0) != f.targetTs) {
                            return "get showed state " + d.get("state") + " target_ts " + d.path("target_ts")
                                    + ", model has " + f.state + " " + f.targetTs;
                        }
                    }
                }
                case RESIGN -> {
                    expected = "200";
                    owner = (owner + 1) % 3;
                }
                case DRAIN -> expected = seg[4].equals(captureIds.get(owner)) ? "400 CDC:ErrSchedulerRequestFailed" : "202";
                default -> throw new AssertionError(op);
            }
            return expected.equals(got) ? null : "expected " + expected + ", recorded " + got;
        }
    }

    private static Op[] weighted(Object... pairs) {
        List<Op> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            for (int k = 0; k < (Integer) pairs[i + 1]; k++) out.add((Op) pairs[i]);
        }
        return out.toArray(new Op[0]);
    }
}
