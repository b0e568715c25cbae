package io.faketicdc.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faketicdc.RecordedRequest;
import io.faketicdc.RequestNotReceivedException;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Reply;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.Route;
import io.faketicdc.internal.http.Router;
import java.nio.charset.StandardCharsets;
import io.faketicdc.internal.clock.Tso;
import io.faketicdc.internal.cluster.BatchItemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The control API under {@code /fake/v1}: everything the Java scripting API can do, as JSON over
 * HTTP, for tests in any language. Served on every capture port; never journaled, never faulted.
 */
public final class ControlApi implements Function<ApiRequest, Reply> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ControlApi.class);
    private final ControlledFake fake;
    private final String token;
    private final Router router = new Router();
    private final ControlViews views;
    private final BrowserGuard guard;
    private static final String WAIT = "/fake/v1/requests/wait";

    /** @param token required as {@code Authorization: Bearer <token>}; null for none */
    public ControlApi(ControlledFake fake, String token) {
        this.fake = fake;
        this.token = token;
        this.views = new ControlViews(fake);
        this.guard = new BrowserGuard(fake);
        add("GET", "/fake/v1/state", c -> ok(views.state()));
        add("POST", "/fake/v1/reset", c -> {
            fake.reset();
            return ok(views.state());
        });
        add("GET", "/fake/v1/clock", c -> ok(views.clock()));
        add("POST", "/fake/v1/clock", this::clock);
        add("POST", "/fake/v1/steps", this::steps);
        add("POST", "/fake/v1/changefeeds", this::seed);
        add("GET", "/fake/v1/changefeeds/:id", c -> ok(views.changefeed(c.query("namespace"), c.param("id"))));
        add("POST", "/fake/v1/scenario", this::scenario);
        add("GET", "/fake/v1/faults", c -> ok(views.faults()));
        add("POST", "/fake/v1/faults", this::addFaults);
        add("DELETE", "/fake/v1/faults", c -> {
            fake.faults().clear();
            return ok(views.faults());
        });
        add("DELETE", "/fake/v1/faults/:id", c -> {
            if (!fake.faults().remove(c.param("id"))) throw new IllegalStateException("no fault " + c.param("id"));
            return ok(views.faults());
        });
        add("GET", "/fake/v1/requests", this::requests);
        add("DELETE", "/fake/v1/requests", c -> {
            fake.requests().clear();
            return ok(views.mapper().createObjectNode().put("cleared", true));
        });
        add("GET", WAIT, c -> { throw new IllegalStateException("answered later"); }); // see apply
        // the fake closes once this answer is written (ControlGate.reply)
        add("POST", "/fake/v1/shutdown", c -> ok(views.mapper().createObjectNode().put("shutdown", true)));
        add("GET", "/fake/v1/openapi.json", c -> new ApiResponse(200, "application/json", Map.of(), ControlOpenApi.bytes()));
        add("GET", "/fake/ui", c -> new ApiResponse(200, "text/html; charset=utf-8", Map.of(), TimelinePage.live()));
    }

    /** The routes served, as {@code "GET /fake/v1/changefeeds/:id"} (ControlOpenApiTest holds openapi.json to them). */
    List<String> routes() {
        return router.routes().stream().map(r -> r.method() + " " + r.pattern()).toList();
    }

    private void add(String method, String path, Route.Handler h) {
        router.add(new Route(method, path, "control " + method + " " + path, false, h));
    }

    /** The longest a client may wait for a request ({@code GET /fake/v1/requests/wait?timeout=}). */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    /** The most records one page of {@code GET /fake/v1/requests} holds, and its size in bytes, about. */
    static final int MAX_PAGE = 10_000;
    static final long MAX_PAGE_BYTES = 16L << 20;

    @Override
    public Reply apply(ApiRequest request) {
        String refused = guard.refusal(request);
        if (refused != null) return Reply.of(error(403, refused));
        if (token != null && !("Bearer " + token).equals(request.header("Authorization"))) {
            return Reply.of(error(401, "control API token required: send Authorization: Bearer <token>"));
        }
        Router.Match m = router.match(request);
        if (m.answer() != null) return Reply.of(error(404, "no control route " + request.method() + " " + request.path()));
        if (BrowserGuard.needsJson(request)) {
            return Reply.of(error(415, request.method() + " " + request.path() + " needs Content-Type: application/json"
                    + " (a browser cannot send it cross-origin unasked)"));
        }
        if (m.call().route().pattern().equals(WAIT)) {
            try {
                return Reply.later(awaitLater(m.call()));
            } catch (RuntimeException e) {
                return Reply.of(answerFor(request, e));
            }
        }
        try {
            return Reply.of(m.call().route().handler().handle(m.call()));
        } catch (RuntimeException e) {
            return Reply.of(answerFor(request, e));
        }
    }

    private ApiResponse answerFor(ApiRequest request, Throwable t) {
        Throwable e = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        if (e instanceof IllegalArgumentException) return error(400, e.getMessage());
        if (e instanceof IllegalStateException) return error(409, e.getMessage());
        if (e instanceof RequestNotReceivedException) return error(408, e.getMessage());
        // a bug of ours: the answer names the route, never a Java class or exception text
        LOG.error("fake-ticdc control API failed on {} {}", request.method(), request.path(), e);
        return error(500, "the fake could not handle " + request.method() + " " + request.path()
                + " (an internal error; its log has the details)");
    }

    private JsonNode body(Call c, String what) {
        String text = new String(c.body(), StandardCharsets.UTF_8);
        if (text.isBlank()) throw new IllegalArgumentException(what + ": a JSON body is required");
        try {
            return ScenarioReader.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException(what + ": not valid JSON" + (at == null || at.getLineNr() < 1 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    /** Both fields are checked (present, a value, within the TSO range) before the clock moves. */
    private ApiResponse clock(Call c) {
        JsonNode b = body(c, "clock");
        Fields f = fields(new String(c.body(), StandardCharsets.UTF_8));
        f.known(b, "", "advance", "set");
        if (!b.has("advance") && !b.has("set")) throw f.error("", "expected advance or set");
        Duration advance = null;
        Instant set = null;
        if (b.has("advance")) {
            advance = f.duration(b.get("advance"), "advance");
            if (advance == null) throw f.error("advance", "required: a duration such as \"10m\"");
            if (advance.isNegative()) throw f.error("advance", "the clock only advances; use set to move it back");
            if (advance.compareTo(Duration.between(fake.now(), Tso.MAX_INSTANT)) > 0) {
                throw f.error("advance", "would move the clock past the last TSO instant, " + Tso.MAX_INSTANT);
            }
        }
        if (b.has("set")) {
            set = f.instant(b.get("set"), "set");
            if (set == null) throw f.error("set", "required: an ISO-8601 instant such as \"2026-08-20T08:00:00Z\"");
            if (!Tso.inRange(set)) throw f.error("set", "outside the TSO range (" + Tso.range() + ")");
        }
        if (advance != null) fake.advanceClock(advance);
        if (set != null) fake.setClock(set);
        return ok(views.clock());
    }

    /** Every step is parsed, then the batch is checked against the cluster, before any applies. */
    private ApiResponse steps(Call c) {
        Batch<io.faketicdc.script.Step> batch = parse(c, "steps", StepJson::step);
        batch.run(fake::run);
        return ok(views.state());
    }

    private ApiResponse seed(Call c) {
        Batch<io.faketicdc.ChangefeedSeed> batch = parse(c, "changefeeds", StepJson::seed);
        batch.run(fake::seed);
        return ok(views.state());
    }

    /** Adds rules and cluster faults, all or nothing; answers the handles' IDs in order. */
    private ApiResponse addFaults(Call c) {
        Batch<Object> batch = parse(c, "faults", FaultJson::fault);
        List<String> added = batch.apply(fake::addFaults);
        com.fasterxml.jackson.databind.node.ArrayNode ids = views.mapper().createArrayNode();
        added.forEach(ids::add);
        ObjectNode answer = views.faults();
        answer.set("added", ids);
        return ok(answer);
    }

    private interface Item<T> {
        T parse(JsonNode node, String path, Fields fields);
    }

    /** A parsed batch: its items, and where each came from (for errors). */
    private record Batch<T>(List<T> items, List<String> paths, Fields fields) {
        /** Runs {@code all} on the whole batch; an item the fake refuses is named by path and line. */
        <R> R apply(java.util.function.Function<List<T>, R> all) {
            try {
                return all.apply(items);
            } catch (BatchItemException e) {
                InputException named = fields.error(paths.get(e.index()), e.getMessage());
                if (e.conflict()) throw new IllegalStateException(named.getMessage());
                throw named;
            }
        }

        void run(java.util.function.Consumer<List<T>> all) {
            apply(items -> {
                all.accept(items);
                return null;
            });
        }
    }

    /** The body is one object or an array of them; every item is parsed before any is used. */
    private <T> Batch<T> parse(Call c, String what, Item<T> item) {
        String text = new String(c.body(), StandardCharsets.UTF_8);
        JsonNode b = body(c, what);
        Fields f = fields(text);
        List<T> items = new java.util.ArrayList<>();
        List<String> paths = new java.util.ArrayList<>();
        if (!b.isArray()) {
            items.add(item.parse(b, "", f));
            paths.add("");
        } else {
            for (int i = 0; i < b.size(); i++) {
                items.add(item.parse(b.get(i), "[" + i + "]", f));
                paths.add("[" + i + "]");
            }
        }
        return new Batch<>(items, paths, f);
    }

    private ApiResponse scenario(Call c) {
        fake.loadScenario(new String(c.body(), StandardCharsets.UTF_8), "request body");
        return ok(views.state());
    }

    /**
     * {@code GET /fake/v1/requests[?method=&path=&since=&limit=]}: one page of the journal, oldest
     * first: records numbered after {@code since} (default 0), at most {@code limit} (default and
     * most {@value #MAX_PAGE}) and about 16 MiB of bodies. {@code Fake-Next-Since} names the last
     * record's number; {@code Fake-More: true} says more records match beyond this page.
     */
    private ApiResponse requests(Call c) {
        boolean unmasked = unmasked(c);
        java.util.function.Predicate<RecordedRequest> filter = filter(c.query("method"), c.query("path"));
        long since = number(c.query("since"), "since", 0, Long.MAX_VALUE, 0);
        int limit = (int) number(c.query("limit"), "limit", 1, MAX_PAGE, MAX_PAGE);
        List<RecordedRequest> page = fake.requestPage(filter, since, limit, MAX_PAGE_BYTES);
        JsonNode tree = views.mapper().valueToTree(page);
        if (unmasked) for (int i = 0; i < page.size(); i++) unmask((ObjectNode) tree.get(i), page.get(i));
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (!page.isEmpty()) {
            long last = page.get(page.size() - 1).sequence();
            headers.put("Fake-Next-Since", Long.toString(last));
            if (!fake.requestPage(filter, last, 1, Long.MAX_VALUE).isEmpty()) headers.put("Fake-More", "true");
        }
        return new ApiResponse(200, "application/json", headers, views.bytes(tree));
    }

    private static long number(String text, String field, long min, long max, long absent) {
        if (text.isEmpty()) return absent;
        long n;
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": expected a whole number, got '" + text + "'");
        }
        if (n < min || n > max) throw new IllegalArgumentException(field + ": expected " + min + " to " + max + ", got " + n);
        return n;
    }

    /**
     * {@code GET /fake/v1/requests/wait}: answered when a matching request is recorded, or 408 at
     * the timeout (default 10 s, at most {@link #MAX_WAIT}); no thread waits meanwhile, so a client
     * that goes away leaves nothing but a timer behind, until the timeout.
     */
    private java.util.concurrent.CompletableFuture<ApiResponse> awaitLater(Call c) {
        boolean unmasked = unmasked(c);
        Duration timeout = c.query("timeout").isEmpty() ? Duration.ofSeconds(10)
                : new Fields("query", Map.of()).duration(views.mapper().getNodeFactory().textNode(c.query("timeout")), "timeout");
        if (timeout.isNegative() || timeout.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("timeout: at most " + MAX_WAIT.toSeconds() + "s, got " + c.query("timeout"));
        }
        ApiRequest request = c.request();
        return fake.awaitRequest(filter(c.query("method"), c.query("path")), timeout).handle((r, e) -> {
            if (e != null) return answerFor(request, e);
            JsonNode tree = views.mapper().valueToTree(r);
            if (unmasked) unmask((ObjectNode) tree, r);
            return ok(tree);
        });
    }

    /** {@code ?unmasked=true}: the journal's headers as received, credentials included. */
    private static boolean unmasked(Call c) {
        String v = c.query("unmasked");
        if (v.isEmpty() || v.equals("false")) return false;
        if (v.equals("true")) return true;
        throw new IllegalArgumentException("unmasked: expected true or false, got '" + v + "'");
    }

    private void unmask(ObjectNode record, RecordedRequest r) {
        ObjectNode headers = views.mapper().createObjectNode();
        r.headers().forEach((name, values) -> {
            var arr = headers.putArray(name);
            values.forEach(arr::add);
        });
        record.set("headers", headers);
    }

    /** Requests by method and gin path pattern; an empty one matches anything. */
    private static java.util.function.Predicate<RecordedRequest> filter(String method, String path) {
        if (!path.isEmpty()) return RecordedRequest.matches(method.isEmpty() ? null : method, path);
        return r -> method.isEmpty() || r.method().equalsIgnoreCase(method);
    }

    private static Fields fields(String text) {
        try {
            return new Fields("request body", JsonLocations.index(text));
        } catch (Exception e) {
            return new Fields("request body", Map.of());
        }
    }

    private ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, "application/json", Map.of(), views.bytes(body));
    }

    private ApiResponse error(int status, String message) {
        ObjectNode n = views.mapper().createObjectNode().put("error", message);
        return new ApiResponse(status, "application/json", Map.of(), views.bytes(n));
    }
}
