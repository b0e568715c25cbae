package io.faketicdc.internal.config;

import io.faketicdc.internal.json.GoJsonReader;
import io.faketicdc.internal.json.GoJsonSyntaxException;
import io.faketicdc.internal.json.GoType;
import io.faketicdc.internal.json.GoType.Duration;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Pointer;
import io.faketicdc.internal.json.GoType.Scalar;
import io.faketicdc.internal.json.GoType.Slice;
import io.faketicdc.internal.json.GoType.StringMap;
import io.faketicdc.internal.json.GoType.Struct;
import io.faketicdc.internal.json.JsonValue;
import io.faketicdc.internal.json.JsonValue.JArray;
import io.faketicdc.internal.json.JsonValue.JBool;
import io.faketicdc.internal.json.JsonValue.JObject;
import io.faketicdc.internal.json.JsonValue.JString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a profile's {@code api-types.json}: the request structs of the API, each a list of
 * fields in declaration order. A field is {@code [json key, Go type, omitempty]}; an embedded
 * struct is {@code {"embed": "v2.PDConfig"}} and its fields are promoted in its place. Type
 * expressions are Go's: {@code uint64}, {@code *v2.SinkConfig}, {@code []string},
 * {@code map[string]string}, a struct of the file, or a name listed under {@code durations}
 * (a type that unmarshals like a Go duration). docs/PROFILES.md describes the format.
 */
final class ApiTypesFile {
    private final String file;
    private final boolean nameEmbedded;
    private final Set<String> durations = new HashSet<>();
    private final Map<String, Struct> structs = new LinkedHashMap<>();
    private final Map<String, JArray> bodies = new HashMap<>();
    private final Set<String> resolved = new HashSet<>();
    private final Set<String> resolving = new HashSet<>();

    private ApiTypesFile(String file, boolean nameEmbedded) {
        this.file = file;
        this.nameEmbedded = nameEmbedded;
    }

    /**
     * The structs of the file by Go name. With {@code nameEmbedded} a promoted field remembers
     * the struct it came from, so type errors name it as Go 1.24+ does.
     */
    static Map<String, Struct> load(String file, byte[] json, boolean nameEmbedded) {
        ApiTypesFile f = new ApiTypesFile(file, nameEmbedded);
        try {
            f.read(json);
        } catch (GoJsonSyntaxException e) {
            throw new IllegalStateException(file + ": not JSON: " + e.getMessage(), e);
        }
        return f.structs;
    }

    private void read(byte[] json) throws GoJsonSyntaxException {
        JObject root = object(GoJsonReader.read(json), null, "the document");
        JsonValue names = root.get("durations");
        if (names != null) {
            for (JsonValue n : array(names, null, "durations").elements()) durations.add(string(n, null, "a duration name"));
        }
        for (JsonValue v : array(root.get("structs"), null, "structs").elements()) {
            JObject s = object(v, null, "a struct");
            String name = string(s.get("name"), null, "a struct name");
            if (structs.put(name, new Struct(name)) != null) throw fail(name, "declared twice");
            bodies.put(name, array(s.get("fields"), name, "fields"));
        }
        for (String name : structs.keySet()) resolve(name);
    }

    private void resolve(String name) {
        if (resolved.contains(name)) return;
        if (!resolving.add(name)) throw fail(name, "embeds itself");
        Struct st = structs.get(name);
        List<Field> fields = new ArrayList<>();
        for (JsonValue v : bodies.get(name).elements()) {
            if (v instanceof JObject embed) {
                String type = string(embed.get("embed"), name, "an embedded struct");
                String bare = type.startsWith("*") ? type.substring(1) : type;
                Struct inner = structs.get(bare);
                if (inner == null) throw fail(name, "embeds unknown struct ".concat(type));
                resolve(bare);
                for (Field f : inner.fields()) add(fields, nameEmbedded ? f.in(inner.simpleName()) : f, name);
            } else {
                List<JsonValue> parts = array(v, name, "a field").elements();
                if (parts.size() != 3 || !(parts.get(2) instanceof JBool omit)) {
                    throw fail(name, "a field must be [json key, Go type, omitempty], not " + parts);
                }
                String key = string(parts.get(0), name, "a json key");
                GoType type = type(string(parts.get(1), name, "a type"), name);
                add(fields, omit.value() ? Field.omit(key, type) : Field.of(key, type), name);
            }
        }
        st.fields(fields);
        resolving.remove(name);
        resolved.add(name);
    }

    private void add(List<Field> fields, Field f, String struct) {
        for (Field other : fields) {
            if (other.json().equals(f.json())) throw fail(struct, "has the json key " + f.json() + " twice");
        }
        fields.add(f);
    }

    private GoType type(String expr, String where) {
        if (expr.startsWith("*")) return new Pointer(type(expr.substring(1), where));
        if (expr.startsWith("[]")) return new Slice(type(expr.substring(2), where));
        if (expr.startsWith("map[string]")) return new StringMap(type(expr.substring("map[string]".length()), where));
        for (Scalar s : Scalar.values()) {
            if (s.goName().equals(expr)) return s;
        }
        if (durations.contains(expr)) return new Duration(expr);
        Struct s = structs.get(expr);
        if (s == null) throw fail(where, "unknown type ".concat(expr));
        return s;
    }

    // The messages are built only on failure: this runs before a JVM's first answer, where the
    // first indy string concatenation alone would cost more than reading the whole file.

    private JObject object(JsonValue v, String struct, String what) {
        if (v instanceof JObject o) return o;
        throw fail(struct, what + " must be an object");
    }

    private JArray array(JsonValue v, String struct, String what) {
        if (v instanceof JArray a) return a;
        throw fail(struct, what + " must be an array");
    }

    private String string(JsonValue v, String struct, String what) {
        if (v instanceof JString s) return s.value();
        throw fail(struct, what + " must be a string");
    }

    private IllegalStateException fail(String struct, String message) {
        return new IllegalStateException(file + ": " + (struct == null ? "" : struct + ": ") + message);
    }
}
