package io.faketicdc.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faketicdc.RecordedRequest;
import io.faketicdc.RequestNotReceivedException;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.Route;
import io.faketicdc.internal.http.Router;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The control API under {@code /fake/v1}: everything the Java scripting API can do, as JSON over
 * HTTP, for tests in any language. Served on every capture port; never journaled, never faulted.
 */
public final class ControlApi implements Function<ApiRequest, ApiResponse> {
    private final ControlledFake fake;
    private final String token;
    private final Router router = new Router();
    private final ControlViews views;

    /** @param token required as {@code Authorization: Bearer <token>}; null for none */
    public ControlApi(ControlledFake fake, String token) {
        this.fake = fake;
        this.token = token;
        this.views = new ControlViews(fake);
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
        add("GET", "/fake/v1/requests/wait", this::await);
        // the fake closes once this answer is written (ControlGate.reply)
        add("POST", "/fake/v1/shutdown", c -> ok(views.mapper().createObjectNode().put("shutdown", true)));
        add("GET", "/fake/v1/openapi.json", c -> new ApiResponse(200, "application/json", Map.of(), ControlOpenApi.bytes()));
    }

    /** The routes served, as {@code "GET /fake/v1/changefeeds/:id"} (ControlOpenApiTest holds openapi.json to them). */
    List<String> routes() {
        return router.routes().stream().map(r -> r.method() + " " + r.pattern()).toList();
    }

    private void add(String method, String path, Route.Handler h) {
        router.add(new Route(method, path, "control " + method + " " + path, false, h));
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        if (token != null && !("Bearer " + token).equals(request.header("Authorization"))) {
            return error(401, "control API token required: send Authorization: Bearer <token>");
        }
        Router.Match m = router.match(request);
        if (m.answer() != null) return error(404, "no control route " + request.method() + " " + request.path());
        try {
            return m.call().route().handler().handle(m.call());
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        } catch (IllegalStateException e) {
            return error(409, e.getMessage());
        } catch (RequestNotReceivedException e) {
            return error(408, e.getMessage());
        } catch (RuntimeException e) {
            return error(500, e.toString());
        }
    }

    private JsonNode body(Call c, String what) {
        String text = new String(c.body(), StandardCharsets.UTF_8);
        if (text.isBlank()) throw new IllegalArgumentException(what + ": a JSON body is required");
        try {
            return ScenarioReader.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(what + ": not valid JSON: " + e.getMessage());
        }
    }

    private ApiResponse clock(Call c) {
        JsonNode b = body(c, "clock");
        Fields f = new Fields("request body", Map.of());
        f.known(b, "", "advance", "set");
        if (b.has("advance")) fake.advanceClock(f.duration(b.get("advance"), "advance"));
        if (b.has("set")) fake.setClock(f.instant(b.get("set"), "set"));
        return ok(views.clock());
    }

    private ApiResponse steps(Call c) {
        forEachItem(c, "steps", (n, path, f) -> fake.run(StepJson.step(n, path, f)));
        return ok(views.state());
    }

    private ApiResponse seed(Call c) {
        forEachItem(c, "changefeeds", (n, path, f) -> fake.seed(StepJson.seed(n, path, f)));
        return ok(views.state());
    }

    /** Adds rules and cluster faults; answers the handles' IDs in order. */
    private ApiResponse addFaults(Call c) {
        com.fasterxml.jackson.databind.node.ArrayNode ids = views.mapper().createArrayNode();
        forEachItem(c, "faults", (n, path, f) -> {
            Object fault = FaultJson.fault(n, path, f);
            ids.add(fault instanceof io.faketicdc.faults.FaultRule r ? fake.faults().add(r).id()
                    : fake.faults().add((io.faketicdc.faults.ClusterFault) fault).id());
        });
        ObjectNode answer = views.faults();
        answer.set("added", ids);
        return ok(answer);
    }

    private interface Item {
        void accept(JsonNode node, String path, Fields fields);
    }

    /** The body is one object or an array of them; errors name the item's path and line. */
    private void forEachItem(Call c, String what, Item item) {
        String text = new String(c.body(), StandardCharsets.UTF_8);
        JsonNode b = body(c, what);
        Fields f = fields(text);
        if (!b.isArray()) {
            item.accept(b, "", f);
            return;
        }
        for (int i = 0; i < b.size(); i++) item.accept(b.get(i), "[" + i + "]", f);
    }

    private ApiResponse scenario(Call c) {
        fake.loadScenario(new String(c.body(), StandardCharsets.UTF_8), "request body");
        return ok(views.state());
    }

    private ApiResponse requests(Call c) {
        String method = c.query("method");
        String path = c.query("path");
        List<RecordedRequest> all = fake.requests().matching(filter(method, path));
        return ok(views.mapper().valueToTree(all));
    }

    private ApiResponse await(Call c) {
        String method = c.query("method");
        String path = c.query("path");
        Duration timeout = c.query("timeout").isEmpty() ? Duration.ofSeconds(10)
                : new Fields("query", Map.of()).duration(views.mapper().getNodeFactory().textNode(c.query("timeout")), "timeout");
        RecordedRequest r = fake.requests().await(filter(method, path), timeout);
        return ok(views.mapper().valueToTree(r));
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
