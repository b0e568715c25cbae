package io.faketicdc.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.api.Http;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated bad requests against every body-taking route and the ID-taking
 * routes of one fake, each answered as the real server answers it (pingcap/tiflow
 * cdc/api/middleware/middleware.go; cdc/api/util.go; cdc/model/changefeed.go; gin-gonic/gin v1.9.1
 * context.go, binding/json.go, gin.go):
 * a body that is not JSON, truncated, of the wrong types or huge is a 400
 * {@code CDC:ErrAPIInvalidParam} with Go's message, sent as {@code text/plain; charset=utf-8};
 * an invalid ID is a 400 {@code invalid changefeed_id}; a path no route matches is
 * {@code 404 page not found}; odd methods are 404s; headers gin ignores change nothing. No answer
 * carries a stack trace, a Java class name or a Jetty error page, none hangs, and after each
 * property the fake still serves normal requests. About 11,000 requests in all.
 */
class BadInputFuzzTest {
    /** Reads error bodies of any size (the echo of a 20 MB ID is a 20 MB message). */
    private static final ObjectMapper JACKSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).build()).build());
    /** Judges whether a body is JSON at all; numbers and strings of the generated documents are small. */
    private static final ObjectMapper STRICT = new ObjectMapper();
    private static final String PREFIX = "[CDC:ErrAPIInvalidParam]invalid api parameter: ";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    /** Go's scanner errors (encoding/json scanner.go contexts). */
    private static final Pattern GO_SYNTAX_ERROR = Pattern.compile("invalid character '.{1,8}' (looking for beginning of value"
            + "|looking for beginning of object key string|after object key|after object key:value pair|after array element"
            + "|in string literal|in string escape code|in \\\\u hexadecimal character escape|in numeric literal"
            + "|after decimal point in numeric literal|in exponent of numeric literal"
            + "|in literal (true|false|null) \\(expecting '.'\\))|unexpected EOF");
    private static final Pattern ID = Pattern.compile("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$");

    private static FakeTiCdc fake;

    @BeforeContainer
    static void startFake() {
        fake = FakeTiCdc.create(cfg -> cfg.seed(4).startInstant(Instant.parse("2026-08-20T08:17:08.123Z"))
                .zone(ZoneOffset.UTC).journalCapacity(0)).start();
        // s1 is stopped, so update and resume reach their body; r1 runs
        assertThat(send("POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"s1\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(200);
        assertThat(send("POST", "/api/v2/changefeeds/s1/pause", null).status()).isEqualTo(200);
        assertThat(send("POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"r1\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(200);
    }

    @AfterContainer
    static void stopFake() {
        fake.close();
    }

    /** The fake keeps serving after each batch of bad input, and the bad input changed nothing. */
    @AfterProperty
    void stillServing() {
        Http.Response list = send("GET", "/api/v2/changefeeds?state=all", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":\"r1\",\"state\":\"normal\"").contains("\"id\":\"s1\",\"state\":\"stopped\"")
                .contains("\"total\":2");
        assertThat(send("POST", "/api/v2/tso", "{}").status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- the body-taking routes

    /** A route that binds a JSON body: where, the Go type it decodes into, its message prefix. */
    enum BodyRoute {
        CREATE("POST", "/api/v2/changefeeds", "v2.ChangefeedConfig", PREFIX, TEXT),
        UPDATE("PUT", "/api/v2/changefeeds/s1", "v2.ChangefeedConfig", PREFIX, TEXT),
        RESUME("POST", "/api/v2/changefeeds/s1/resume", "v2.ResumeChangefeedConfig", PREFIX, TEXT),
        SYNCED("GET", "/api/v2/changefeeds/r1/synced", "v2.ChangefeedConfig", PREFIX, TEXT),
        TSO("POST", "/api/v2/tso", "v2.UpstreamConfig", PREFIX, TEXT),
        VERIFY_TABLE("POST", "/api/v2/verify_table", "v2.VerifyTableConfig", PREFIX, TEXT),
        RESOLVE_LOCK("POST", "/api/v2/unsafe/resolve_lock", null, PREFIX, TEXT),
        GC_SAFEPOINT("DELETE", "/api/v2/unsafe/service_gc_safepoint", "v2.UpstreamConfig", PREFIX, TEXT),
        LOG("POST", "/api/v2/log", null, "[CDC:ErrAPIInvalidParam]invalid log level: ", TEXT),
        V1_DRAIN("PUT", "/api/v1/captures/drain", null, PREFIX, JSON);

        final String method;
        final String path;
        /**
         * The Go type name of the route's body struct where the test pins it (pingcap/tiflow
         * cdc/api/v2/model.go); null: any name is accepted.
         */
        final String goType;
        final String prefix;
        final String contentType;

        BodyRoute(String method, String path, String goType, String prefix, String contentType) {
            this.method = method;
            this.path = path;
            this.goType = goType;
            this.prefix = prefix;
            this.contentType = contentType;
        }

        /** Fields of the route's body with their Go types, for wrong-type bodies. */
        List<String[]> fields() {
            return switch (this) {
                case CREATE, UPDATE, SYNCED -> List.of(new String[] {"start_ts", "uint64"}, new String[] {"target_ts", "uint64"},
                        new String[] {"sink_uri", "string"}, new String[] {"changefeed_id", "string"},
                        new String[] {"namespace", "string"});
                case RESUME -> List.<String[]>of(new String[] {"overwrite_checkpoint_ts", "uint64"});
                case TSO, GC_SAFEPOINT -> List.<String[]>of(new String[] {"id", "uint64"});
                case VERIFY_TABLE -> List.of(new String[] {"start_ts", "uint64"}, new String[] {"sink_uri", "string"});
                case RESOLVE_LOCK -> List.of(new String[] {"region_id", "uint64"}, new String[] {"ts", "uint64"});
                case LOG -> List.<String[]>of(new String[] {"log_level", "string"});
                case V1_DRAIN -> List.<String[]>of(new String[] {"capture_id", "string"});
            };
        }
    }

    /** Go's decode error text for a body, for the route: the 400 the real server sends. */
    private static void assertBodyError(BodyRoute route, byte[] body, Http.Response r, String goError) {
        assertCleanAnswer(r);
        String msg = route.prefix + goError;
        assertThat(r.status()).as("%s %s with %s", route.method, route.path, preview(body)).isEqualTo(400);
        assertThat(r.header("Content-Type")).as(r.toString()).isEqualTo(route.contentType);
        assertThat(errorMsg(r)).isEqualTo(msg);
        assertThat(r.body()).isEqualTo(errorBody(msg, "CDC:ErrAPIInvalidParam"));
    }

    /** Any prefix of a JSON object, cut before its end, is "unexpected EOF" on every route. */
    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED)
    void truncatedJsonIsUnexpectedEof(@ForAll BodyRoute route, @ForAll("objects") String doc, @ForAll("fractions") double at) {
        byte[] full = doc.getBytes(StandardCharsets.UTF_8);
        int cut = 1 + (int) (at * (full.length - 1));
        byte[] body = Arrays.copyOf(full, Math.min(cut, full.length - 1));
        assertBodyError(route, body, sendBytes(route.method, route.path, body), "unexpected EOF");
    }

    /** JSON objects with one ASCII byte replaced or inserted that no JSON parser accepts: Go's syntax error. */
    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED)
    void syntaxErrorsAreInvalidCharacter(@ForAll BodyRoute route, @ForAll("objects") String doc,
            @ForAll("fractions") double at, @ForAll("badBytes") char bad, @ForAll boolean insert) {
        byte[] full = doc.getBytes(StandardCharsets.UTF_8);
        int pos = Math.min(1 + (int) (at * (full.length - 1)), full.length - 1);
        // mutate whole characters only: Go takes invalid UTF-8 inside strings, a JSON parser would not
        while (pos < full.length - 1 && (full[pos] & 0xC0) == 0x80) pos++;
        if (!insert && (full[pos] & 0x80) != 0) insert = true;
        byte[] body = insert ? insert(full, pos, (byte) bad) : replace(full, pos, (byte) bad);
        Assume.that(!validJson(body));
        Http.Response r = sendBytes(route.method, route.path, body);
        assertCleanAnswer(r);
        assertThat(r.status()).as(preview(body) + " -> " + r).isEqualTo(400);
        assertThat(r.header("Content-Type")).isEqualTo(route.contentType);
        String tail = errorMsg(r).substring(route.prefix.length());
        assertThat(errorMsg(r)).startsWith(route.prefix);
        assertThat(tail).as(preview(body)).matches(GO_SYNTAX_ERROR);
    }

    /** A field of the wrong JSON type: Go's UnmarshalTypeError, named by the field's tag name. */
    @Property(tries = 2500, shrinking = ShrinkingMode.BOUNDED)
    void wrongTypesAreUnmarshalErrors(@ForAll BodyRoute route, @ForAll("indexes") int fieldIndex,
            @ForAll("badValues") String[] value, @ForAll boolean upperCaseKey, @ForAll boolean withNoise) {
        List<String[]> fields = route.fields();
        String[] field = fields.get(fieldIndex % fields.size());
        String kind = value[1];
        // a string into a string field, a plain uint64 into a uint64 field would be no error
        Assume.that(!(field[1].equals("string") && kind.equals("string")));
        String key = upperCaseKey ? field[0].toUpperCase(Locale.ROOT) : field[0];
        String body = "{" + (withNoise ? "\"unknown_field\":{\"x\":[1,\"y\",null]}," : "")
                + "\"" + key + "\":" + value[0] + "}";
        String shown = kind.equals("number") && field[1].equals("uint64") ? "number " + value[0] : kind;
        Http.Response r = send(route.method, route.path, body);
        assertCleanAnswer(r);
        assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
        assertThat(r.header("Content-Type")).isEqualTo(route.contentType);
        String expected = "json: cannot unmarshal " + shown + " into Go struct field %s." + field[0] + " of type " + field[1];
        String type = route.goType == null ? "[A-Za-z]+" : Pattern.quote(route.goType.substring(3));
        assertThat(errorMsg(r)).as(body).matches(Pattern.quote(route.prefix)
                + Pattern.quote(expected).replace("%s", "\\E" + type + "\\Q"));
    }

    /** A body that is JSON but no object: "cannot unmarshal <kind> into Go value of type <T>". */
    @Property(tries = 600, shrinking = ShrinkingMode.BOUNDED)
    void nonObjectBodiesAreUnmarshalErrors(@ForAll BodyRoute route, @ForAll("nonObjects") String[] value) {
        Http.Response r = send(route.method, route.path, value[0]);
        assertCleanAnswer(r);
        assertThat(r.status()).as(value[0] + " -> " + r).isEqualTo(400);
        String type = route.goType == null ? "[A-Za-z0-9.]+" : Pattern.quote(route.goType);
        assertThat(errorMsg(r)).matches(Pattern.quote(route.prefix + "json: cannot unmarshal " + value[1]
                + " into Go value of type ") + type);
    }

    // ---------------------------------------------------------------- IDs

    /** A route carrying {@code {changefeed_id}}; update and resume get a valid body. */
    enum IdRoute {
        GET("GET", "", null), META_INFO("GET", "/meta_info", null), STATUS("GET", "/status", null),
        SYNCED("GET", "/synced", null), UPDATE("PUT", "", "{\"target_ts\":1}"), DELETE("DELETE", "", null),
        PAUSE("POST", "/pause", null), RESUME("POST", "/resume", "{}"), PROCESSOR("GET", null, null);

        final String method;
        final String suffix;
        final String body;

        IdRoute(String method, String suffix, String body) {
            this.method = method;
            this.suffix = suffix;
            this.body = body;
        }

        String target(String encodedId) {
            return this == PROCESSOR ? "/api/v2/processors/" + encodedId + "/c1" : "/api/v2/changefeeds/" + encodedId + suffix;
        }
    }

    /**
     * IDs of any characters (no '/': it makes another path, see the traversal property), raw or
     * percent-encoded in the path, decoded before use: valid ones are unknown (400 not exists, 200
     * for delete), the others 400 {@code invalid changefeed_id: <id>}.
     */
    @Property(tries = 2500, shrinking = ShrinkingMode.BOUNDED)
    void idsAreDecodedThenValidated(@ForAll IdRoute route, @ForAll("ids") String id, @ForAll("seeds") long encoding) {
        Assume.that(!id.equals("s1") && !id.equals("r1"));
        String encoded = encodePath(id, encoding);
        Http.Response r = send(route.method, route.target(encoded), route.body);
        String seen = quote(id) + " as " + route.method + " " + route.target(encoded) + " -> " + r;
        assertCleanAnswer(r);
        boolean valid = id.getBytes(StandardCharsets.UTF_8).length <= 128 && ID.matcher(id).matches();
        if (!valid) {
            String msg = "[CDC:ErrAPIInvalidParam]invalid changefeed_id: " + id;
            assertThat(r.status()).as(seen).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(seen).isEqualTo(JSON);
            assertThat(quote(errorMsg(r))).as(seen).isEqualTo(quote(msg));
        } else if (route == IdRoute.DELETE) {
            assertThat(r.status()).as(seen).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{}");
        } else {
            assertThat(r.status()).as(seen).isEqualTo(400);
            assertThat(quote(errorMsg(r))).as(seen)
                    .isEqualTo(quote("[CDC:ErrChangeFeedNotExists]changefeed not exists, default/" + id));
        }
    }

    /** A dot segment with a path parameter is only an odd ID to gin (Jetty once called it ambiguous: HTML 400). */
    @Example
    void aDotSegmentWithAPathParameterIsJustAnInvalidId() {
        for (String raw : List.of(".;", "%2E;", ".;x")) {
            Http.Response r = send("GET", "/api/v2/changefeeds/" + raw, null);
            assertCleanAnswer(r);
            assertThat(errorMsg(r)).isEqualTo("[CDC:ErrAPIInvalidParam]invalid changefeed_id: " + raw.replace("%2E", "."));
        }
    }

    /** drain does not validate the capture ID: with one capture every drain is refused the same way. */
    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void drainTakesAnyCaptureId(@ForAll("ids") String id, @ForAll("seeds") long encoding) {
        Http.Response r = send("POST", "/api/v2/captures/" + encodePath(id, encoding) + "/drain", null);
        assertCleanAnswer(r);
        assertThat(r.status()).isEqualTo(400);
        assertThat(errorMsg(r)).isEqualTo("[CDC:ErrSchedulerRequestFailed]scheduler request failed, only one capture alive");
    }

    // ---------------------------------------------------------------- paths and methods

    private static final List<String[]> ROUTES = routes();

    /**
     * Paths made of traversal pieces ({@code ..}, {@code %2F}, {@code %2e%2e}, empty segments) and
     * real segment names, with any method: gin routes on the decoded path without cleaning it, so
     * a path that matches no route (with or without its trailing slash) is {@code 404 page not
     * found}, a slash-toggled match is a 301/307 redirect, and a match reaches the handler.
     */
    @Property(tries = 1200, shrinking = ShrinkingMode.BOUNDED)
    void traversalPathsAreRoutedOnTheDecodedPath(@ForAll("methods") String method, @ForAll("traversals") List<String> pieces,
            @ForAll boolean trailingSlash) {
        String raw = "/" + String.join("/", pieces) + (trailingSlash ? "/" : "");
        String decoded = raw.replace("%2F", "/").replace("%2f", "/").replace("%2e", ".").replace("%2E", ".");
        // Jetty's parser rejects these before the engine sees them: see jettyRejectsBeforeTheEngine
        Assume.that(!climbsAboveRoot(decoded) && !climbsAboveRoot(raw.replace("%2e", ".").replace("%2E", ".")));
        Http.Response r = send(method, raw, null);
        assertCleanAnswer(r);
        String match = route(method, decoded);
        if (match == null) {
            String toggled = decoded.endsWith("/") && decoded.length() > 1 ? decoded.substring(0, decoded.length() - 1) : decoded + "/";
            if (route(method, toggled) != null) {
                assertThat(r.status()).as(method + " " + raw + " -> " + r).isEqualTo(method.equals("GET") ? 301 : 307);
                assertThat(r.header("Location")).isEqualTo(toggled);
            } else {
                assertNotFound(method, raw, r);
            }
        } else {
            assertThat(r.status()).as(method + " " + raw + " matched " + match + " -> " + r).isNotEqualTo(404);
            if (decoded.startsWith("/api/")) {
                // no body: a body-taking route fails decoding it (EOF), which gin's error handler sends as text
                boolean decodeError = r.status() == 400 && r.body().contains("CDC:ErrAPIInvalidParam") && r.body().contains("EOF");
                assertThat(r.header("Content-Type")).as(method + " " + raw + " -> " + r).isEqualTo(decodeError ? TEXT : JSON);
            }
        }
    }

    @Example
    void pathTraversalOutOfTheApi() {
        for (String p : List.of("/api/v2/changefeeds/..%2F..%2Fetc", "/api/v2/changefeeds/..%2F..%2F..%2Fetc%2Fpasswd",
                "/api/v2/changefeeds/../../etc/passwd", "/api/v2/changefeeds/%2e%2e/%2e%2e/etc")) {
            assertNotFound("GET", p, send("GET", p, null));
        }
        // ".." is just an invalid ID where a parameter is
        Http.Response r = send("GET", "/api/v2/changefeeds/%2e%2e/status", null);
        assertThat(errorMsg(r)).isEqualTo("[CDC:ErrAPIInvalidParam]invalid changefeed_id: ..");
    }

    /**
     * A deliberate difference: Jetty's request parser answers these with a plain "400 Bad Request"
     * (written as Go writes its own parse errors) before the engine runs; gin routes them (an encoded NUL is just a byte of an invalid ID, a
     * path above the root matches no route).
     */
    @Example
    @net.jqwik.api.Disabled("a deliberate difference (README): Jetty rejects an encoded NUL and paths above the root in its parser")
    void jettyRejectsBeforeTheEngine() {
        assertThat(errorMsg(send("GET", "/api/v2/changefeeds/a%00b", null)))
                .isEqualTo("[CDC:ErrAPIInvalidParam]invalid changefeed_id: a\u0000b");
        assertNotFound("GET", "/../../etc/passwd", send("GET", "/../../etc/passwd", null));
        assertNotFound("GET", "/api/v2/changefeeds/../../../etc", send("GET", "/api/v2/changefeeds/../../../../etc", null));
    }

    private static boolean climbsAboveRoot(String path) {
        int depth = 0;
        for (String seg : path.substring(1).split("/", -1)) {
            if (seg.equals("..")) {
                if (--depth < 0) return true;
            } else if (!seg.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    /** Methods gin has no route for are 404 (no 405), lowercase ones included. */
    @Property(tries = 600, shrinking = ShrinkingMode.BOUNDED)
    void oddMethodsAreNotFound(@ForAll("oddMethods") String method, @ForAll("knownPaths") String path) {
        assertNotFound(method, path, send(method, path, method.equals("HEAD") ? null : "{}"));
    }

    /** Headers gin does not read (Content-Type, auth while off, forwarding on the owner...) change nothing. */
    @Property(tries = 800, shrinking = ShrinkingMode.BOUNDED)
    void ignoredHeadersChangeNothing(@ForAll("sideEffectFree") String[] request, @ForAll("oddHeaders") List<String> headers) {
        Http.Response plain = send(request[0], request[1], request[2]);
        Http.Response odd = send(request[0], request[1], request[2], headers.toArray(new String[0]));
        assertCleanAnswer(odd);
        assertThat(odd.status()).as(String.join(" ", request) + " with " + headers).isEqualTo(plain.status());
        assertThat(odd.header("Content-Type")).isEqualTo(plain.header("Content-Type"));
        assertThat(odd.body()).isEqualTo(plain.body());
    }

    // ---------------------------------------------------------------- oversized bodies

    /** 5-20 MB bodies are read whole, as Go reads them: the error names what is wrong, in full. */
    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void oversizedBodiesGetTheirRealError(@ForAll("sizes") int size, @ForAll("hugeKinds") int kind) {
        String body;
        String expected;
        switch (kind) {
            case 0 -> { // a huge ID
                String id = "a".repeat(size);
                body = "{\"sink_uri\":\"blackhole://\",\"changefeed_id\":\"" + id + "\"}";
                expected = "[CDC:ErrAPIInvalidParam]invalid changefeed_id: " + id;
            }
            case 1 -> { // a huge number
                String digits = "9".repeat(size);
                body = "{\"start_ts\":" + digits + "}";
                expected = PREFIX + "json: cannot unmarshal number " + digits + " into Go struct field ChangefeedConfig.start_ts of type uint64";
            }
            case 2 -> { // a huge array, cut off
                StringBuilder b = new StringBuilder("{\"pd_addrs\":[");
                while (b.length() < size) b.append("\"127.0.0.1:2379\",");
                body = b.toString();
                expected = PREFIX + "unexpected EOF";
            }
            default -> { // megabytes of white space, then junk
                body = " ".repeat(size) + "x";
                expected = PREFIX + "invalid character 'x' looking for beginning of value";
            }
        }
        Http.Response r = send("POST", "/api/v2/changefeeds", body);
        assertCleanAnswer(r);
        assertThat(r.status()).isEqualTo(400);
        assertThat(errorMsg(r)).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 100);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.integers().between(5 << 20, 20 << 20);
    }

    @Provide
    Arbitrary<Integer> hugeKinds() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<Character> badBytes() {
        return Arbitraries.of('x', '}', ']', '{', '[', ',', ':', '"', '\\', '\'', '-', '.', 'e', '0', '#', '/', '\n', '\t',
                (char) 0x01, (char) 0x1f, (char) 0x7f, 'n', 't', 'f', 'u', '+', ' ');
    }

    /** Compact JSON objects: realistic request bodies and random nested documents. */
    @Provide
    Arbitrary<String> objects() {
        Arbitrary<String> realistic = Arbitraries.of(
                "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"kafka://h:9092/t?protocol=canal-json&partition-num=3\","
                        + "\"start_ts\":468507381759475717,\"replica_config\":{\"filter\":{\"rules\":[\"test.*\"]},"
                        + "\"sink\":{\"dispatchers\":[{\"matcher\":[\"test.*\"],\"partition\":\"ts\"}]}}}",
                "{\"overwrite_checkpoint_ts\":468507381759475717,\"pd_addrs\":[\"http://127.0.0.1:2379\"]}",
                "{\"log_level\":\"debug\"}", "{\"region_id\":7,\"ts\":468507381759475717}", "{\"capture_id\":\"c-1\"}",
                "{\"id\":7321837472389451234,\"pd_addrs\":[],\"ca_path\":\"\",\"cert_path\":\"\",\"key_path\":\"\"}");
        return Arbitraries.oneOf(realistic, jsonObject(3));
    }

    private static Arbitrary<String> jsonObject(int depth) {
        Arbitrary<String> member = Combinators.combine(jsonString(), jsonValue(depth - 1)).as((k, v) -> k + ":" + v);
        return member.list().ofMinSize(1).ofMaxSize(5).map(ms -> "{" + String.join(",", ms) + "}");
    }

    private static Arbitrary<String> jsonValue(int depth) {
        List<Arbitrary<String>> options = new ArrayList<>(List.of(
                jsonString(),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1.5", "-0.25e-3", "1E+9", "18446744073709551616", "-7")));
        if (depth > 0) {
            options.add(jsonObject(depth));
            options.add(Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(4).map(vs -> "[" + String.join(",", vs) + "]"));
        }
        return Arbitraries.oneOf(options);
    }

    private static Arbitrary<String> jsonString() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("äöü你好\u00e9").ofMaxLength(12)
                .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\u0022") + "\"");
    }

    /** Values of the wrong type for some field, with the kind Go names in its error. */
    @Provide
    Arbitrary<String[]> badValues() {
        Arbitrary<String> negative = Arbitraries.longs().between(Long.MIN_VALUE, -1).map(String::valueOf);
        Arbitrary<String> fraction = Combinators.combine(Arbitraries.longs().between(0, 468507381759475717L),
                Arbitraries.integers().between(1, 999_999)).as((a, b) -> a + "." + b);
        Arbitrary<String> exponent = Combinators.combine(Arbitraries.integers().between(1, 9), Arbitraries.of("e", "E", "e+", "e-", "E+"),
                Arbitraries.integers().between(0, 400)).as((a, e, b) -> a + e + b);
        Arbitrary<String> huge = Arbitraries.strings().numeric().ofMinLength(21).ofMaxLength(400)
                .map(s -> "1" + s);
        Arbitrary<String> numbers = Arbitraries.oneOf(negative, fraction, exponent, huge, Arbitraries.of("-0", "0.0", "1e0"));
        return Arbitraries.oneOf(
                numbers.map(n -> new String[] {n, "number"}),
                Arbitraries.of("\"468507381759475717\"", "\"\"", "\"-1\"", "\"\\u00e9\"", "\"%2F..\"")
                        .map(s -> new String[] {s, "string"}),
                Arbitraries.of("true", "false").map(s -> new String[] {s, "bool"}),
                Arbitraries.of("[]", "[1]", "[\"a\",{}]").map(s -> new String[] {s, "array"}),
                Arbitraries.of("{}", "{\"a\":1}").map(s -> new String[] {s, "object"}));
    }

    @Provide
    Arbitrary<String[]> nonObjects() {
        return Arbitraries.of(new String[] {"[]", "array"}, new String[] {"[{}]", "array"}, new String[] {"\"x\"", "string"},
                new String[] {"1", "number"}, new String[] {"-1.5e3", "number"}, new String[] {"true", "bool"},
                new String[] {" false ", "bool"});
    }

    /** Changefeed IDs: valid ones, near misses, unicode, punctuation, long ones. No '/'. */
    @Provide
    Arbitrary<String> ids() {
        Arbitrary<String> valid = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10).list().ofMinSize(1)
                .ofMaxSize(4).map(parts -> String.join("-", parts));
        Arbitrary<String> anything = Arbitraries.strings().withCharRange(' ', '~').withChars("äé你好\u0301\u00a0\t\u0001")
                .ofMinLength(1).ofMaxLength(20).filter(s -> !s.contains("/"));
        Arbitrary<String> nearMiss = Arbitraries.of("-abc", "abc-", "a--b", "a.b", "test_1", "a b", "..", ".", "A-b-9",
                "a".repeat(128), "a".repeat(129), "é".repeat(64), "é".repeat(65), "%", "%2F", "+", "a;b", "a?b", "a#b",
                "🙂", "a-🙂", "x\u007f");
        return Arbitraries.oneOf(valid, anything, nearMiss);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "DELETE");
    }

    @Provide
    Arbitrary<String> oddMethods() {
        return Arbitraries.of("PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO", "get", "Post", "LINK", "MKCOL");
    }

    @Provide
    Arbitrary<String> knownPaths() {
        return Arbitraries.of("/api/v2/changefeeds", "/api/v2/changefeeds/s1", "/api/v2/changefeeds/s1/pause",
                "/api/v2/tso", "/api/v2/status", "/api/v2/health", "/api/v2/log", "/status", "/api/v1/captures/drain",
                "/api/v2/captures", "/nope", "/");
    }

    @Provide
    Arbitrary<List<String>> traversals() {
        return Arbitraries.of("..", ".", "%2e%2e", "%2E%2E", "..%2F", "%2F", "", "etc", "passwd", "api", "v2", "v1",
                "changefeeds", "s1", "status", "pause", "captures", "processors", "unsafe", "metadata")
                .list().ofMinSize(1).ofMaxSize(7);
    }

    /** Requests that change nothing however often they are sent. */
    @Provide
    Arbitrary<String[]> sideEffectFree() {
        return Arbitraries.of(
                new String[] {"GET", "/api/v2/changefeeds", null},
                new String[] {"GET", "/api/v2/changefeeds/s1", null},
                new String[] {"GET", "/api/v2/changefeeds/nope", null},
                new String[] {"GET", "/api/v2/changefeeds/bad_id", null},
                new String[] {"POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"x\",\"sink_uri\":\"\"}"},
                new String[] {"POST", "/api/v2/changefeeds", "{\"start_ts\":-1}"},
                new String[] {"POST", "/api/v2/changefeeds", "{"},
                new String[] {"POST", "/api/v2/changefeeds", ""},
                new String[] {"PUT", "/api/v2/changefeeds/r1", "{}"},
                new String[] {"POST", "/api/v2/changefeeds/s1/resume", "[]"},
                new String[] {"POST", "/api/v2/verify_table", "{\"sink_uri\":\"blackhole://\"}"},
                new String[] {"POST", "/api/v2/captures/c1/drain", null},
                new String[] {"GET", "/nope", null},
                new String[] {"GET", "/api/v2/changefeeds/", null});
    }

    @Provide
    Arbitrary<List<String>> oddHeaders() {
        return Arbitraries.of(
                "Content-Type: application/x-www-form-urlencoded", "Content-Type: text/plain", "Content-Type: ;;;",
                "Content-Type: multipart/form-data; boundary=x", "Content-type: 'application/json'", "Accept: */*",
                "Accept: text/html", "Accept-Encoding: gzip, br", "X-client-version: v9.9.9", "User-Agent: \u00e9vil/1.0",
                "Authorization: Basic Zm9vOmJhcg==", "Authorization: Bearer x", "Cookie: a=b", "X-Forwarded-For: 10.0.0.1",
                "Origin: http://evil.example", "TiCDC-ForwardTimes: 99", "TiCDC-ForwardTimes: x", "TiCDC-ForwardFromCapture: c",
                "X-Empty:", "X-Long: " + "v".repeat(4000))
                .list().ofMinSize(1).ofMaxSize(5).uniqueElements();
    }

    // ---------------------------------------------------------------- helpers

    private static Http.Response send(String method, String target, String body, String... headers) {
        return Http.send(fake.port(), method, target, body, headers);
    }

    private static Http.Response sendBytes(String method, String target, byte[] body) {
        return Http.sendBytes(fake.port(), method, target, body);
    }

    /** No stack trace, no Java or Jetty traces, and error statuses carry a body. */
    private static void assertCleanAnswer(Http.Response r) {
        String body = r.body();
        assertThat(body).as("no Java internals in %s", r).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("io.faketicdc").doesNotContain("java.").doesNotContain("jetty").doesNotContain("<html");
        if (r.status() >= 400 && r.status() != 404) assertThat(body).as("error without body: " + r).isNotEmpty();
        if (r.status() >= 400 && r.status() != 404) {
            assertThat(body).startsWith("{\n    \"error_msg\": ");
        }
    }

    private static void assertNotFound(String method, String target, Http.Response r) {
        assertThat(r.status()).as(method + " " + target + " -> " + r).isEqualTo(404);
        assertThat(r.header("Content-Type")).isEqualTo("text/plain");
        assertThat(r.body()).isEqualTo(method.equals("HEAD") ? "" : "404 page not found");
    }

    private static String errorMsg(Http.Response r) {
        try {
            return JACKSON.readTree(r.bodyBytes()).get("error_msg").asText();
        } catch (Exception e) {
            throw new AssertionError("not an error body: " + r, e);
        }
    }

    private static String errorBody(String msg, String code) {
        try {
            String quoted = JACKSON.writeValueAsString(msg).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
            return "{\n    \"error_msg\": " + quoted + ",\n    \"error_code\": \"" + code + "\"\n}";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean validJson(byte[] body) {
        try {
            return STRICT.readTree(body) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] insert(byte[] in, int pos, byte b) {
        byte[] out = new byte[in.length + 1];
        System.arraycopy(in, 0, out, 0, pos);
        out[pos] = b;
        System.arraycopy(in, pos, out, pos + 1, in.length - pos);
        return out;
    }

    private static byte[] replace(byte[] in, int pos, byte b) {
        byte[] out = in.clone();
        out[Math.min(pos, in.length - 1)] = b;
        return out;
    }

    /** A string as a JSON literal, so control characters show in failure messages. */
    private static String quote(String s) {
        try {
            return JACKSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String preview(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 200 ? s.substring(0, 200) + "...(" + body.length + " bytes)" : s;
    }

    /** Percent-encodes a path segment: each character raw where a path allows it, or encoded, by the bits of {@code seed}. */
    static String encodePath(String s, long seed) {
        StringBuilder out = new StringBuilder();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        s.codePoints().forEach(cp -> {
            boolean safe = cp < 0x80 && (Character.isLetterOrDigit(cp) || "-._~!$&'()*+,;=:@".indexOf(cp) >= 0);
            if (safe && rnd.nextInt(3) > 0) {
                out.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format(rnd.nextBoolean() ? "%%%02X" : "%%%02x", b & 0xff));
                }
            }
        });
        return out.toString();
    }

    /**
     * The fake's route table (pingcap/tiflow cdc/api/v2/api.go; cdc/api/v1/api.go; cdc/http.go), method
     * and gin pattern.
     */
    private static List<String[]> routes() {
        String[][] t = {
                {"GET", "/api/v2/health"}, {"GET", "/api/v2/status"}, {"POST", "/api/v2/log"},
                {"GET", "/api/v2/changefeeds"}, {"POST", "/api/v2/changefeeds"}, {"GET", "/api/v2/changefeeds/:id"},
                {"PUT", "/api/v2/changefeeds/:id"}, {"DELETE", "/api/v2/changefeeds/:id"},
                {"GET", "/api/v2/changefeeds/:id/meta_info"}, {"POST", "/api/v2/changefeeds/:id/resume"},
                {"POST", "/api/v2/changefeeds/:id/pause"}, {"GET", "/api/v2/changefeeds/:id/status"},
                {"GET", "/api/v2/changefeeds/:id/synced"}, {"POST", "/api/v2/captures/:id/drain"},
                {"GET", "/api/v2/captures"}, {"GET", "/api/v2/processors/:id/:c"}, {"GET", "/api/v2/processors"},
                {"POST", "/api/v2/verify_table"}, {"GET", "/api/v2/unsafe/metadata"}, {"POST", "/api/v2/unsafe/resolve_lock"},
                {"DELETE", "/api/v2/unsafe/service_gc_safepoint"}, {"POST", "/api/v2/owner/resign"}, {"POST", "/api/v2/tso"},
                {"GET", "/api/v1/status"}, {"GET", "/api/v1/health"}, {"GET", "/api/v1/captures"},
                {"POST", "/api/v1/owner/resign"}, {"PUT", "/api/v1/captures/drain"},
                {"GET", "/api/v1/changefeeds"}, {"POST", "/api/v1/changefeeds"}, {"GET", "/api/v1/changefeeds/:id"},
                {"DELETE", "/api/v1/changefeeds/:id"}, {"POST", "/api/v1/changefeeds/:id/pause"},
                {"GET", "/api/v1/processors"}, {"GET", "/api/v1/processors/:id/:c"},
                {"GET", "/status"}, {"POST", "/capture/owner/resign"}};
        return List.of(t);
    }

    private static String route(String method, String path) {
        String[] segs = path.substring(1).split("/", -1);
        for (String[] r : ROUTES) {
            if (!r[0].equals(method)) continue;
            String[] pat = r[1].substring(1).split("/", -1);
            if (pat.length != segs.length) continue;
            boolean ok = true;
            for (int i = 0; i < pat.length && ok; i++) {
                ok = pat[i].startsWith(":") ? !segs[i].isEmpty() : pat[i].equals(segs[i]);
            }
            if (ok) return r[1];
        }
        return null;
    }
}
