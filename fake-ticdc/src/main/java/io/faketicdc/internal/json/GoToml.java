package io.faketicdc.internal.json;

import io.faketicdc.internal.json.GoType.Duration;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Pointer;
import io.faketicdc.internal.json.GoType.Scalar;
import io.faketicdc.internal.json.GoType.Slice;
import io.faketicdc.internal.json.GoType.StringMap;
import io.faketicdc.internal.json.GoType.Struct;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TOML as BurntSushi/toml v1.6.0's Encoder writes it (encode.go), for the new architecture's
 * {@code Accept: application/toml} (pingcap/ticdc api/v2/helper.go respondWithFormat): a struct's
 * plain fields first, then its tables and arrays of tables, each in field order; a table header
 * indented two spaces per level below the first, a blank line before a top-level one only; nil
 * pointers never written; omitempty drops empty strings, slices, maps, false and nil, never a
 * number; durations as Go writes them ({@code "10m0s"}); floats as {@code %g} with a {@code .0}
 * added. Field names are the {@code toml} tags of pingcap/ticdc api/v2/model.go: the json name
 * with dashes, but for the two fields whose tag says otherwise.
 */
public final class GoToml {
    /** toml tags that are not the json name with '_' made '-' (pingcap/ticdc api/v2/model.go). */
    private static final Map<String, String> TAGS = Map.of(
            "v2.SinkConfig.file_index_width", "file-index-digit",
            "v2.EventFilterRule.ignore_sql", "ignore_sql");
    /** Fields of type time.Duration (written as text) though api-types.json has them as int64. */
    private static final List<String> TIME_DURATIONS = List.of("v2.ChangefeedSchedulerConfig.region_count_refresh_interval");

    private final StringBuilder out = new StringBuilder();
    private boolean written;

    @Override
    public String toString() {
        return out.toString();
    }

    /** {@code key = <rendered>} at the top level; {@code rendered} is already TOML. */
    public GoToml raw(String key, String rendered) {
        return keyValue(List.of(key), rendered);
    }

    public GoToml string(String key, String value) {
        return raw(key, quote(value));
    }

    public GoToml integer(String key, long value) {
        return raw(key, Long.toString(value));
    }

    public GoToml unsigned(String key, long value) {
        return raw(key, Long.toUnsignedString(value));
    }

    /** A table of plain values written by {@code fields} (its keys already TOML), e.g. a struct without tags. */
    public GoToml table(String key, Map<String, String> fields) {
        header(List.of(key));
        fields.forEach((k, v) -> keyValue(List.of(key, k), v));
        return this;
    }

    /** A Go struct as the table {@code key}. */
    public GoToml table(String key, GoStruct value, Struct type) {
        table(List.of(key), value, type);
        return this;
    }

    private void header(List<String> key) {
        if (key.size() == 1) newline();
        write(indent(key) + "[" + String.join(".", key) + "]");
        newline();
    }

    private void table(List<String> key, GoStruct value, Struct type) {
        header(key);
        struct(key, value, type);
    }

    private void struct(List<String> key, GoStruct s, Struct type) {
        List<Integer> direct = new ArrayList<>();
        List<Integer> sub = new ArrayList<>();
        List<Field> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (isTable(s.get(i), fields.get(i).type())) sub.add(i); else direct.add(i);
        }
        for (List<Integer> group : List.of(direct, sub)) {
            for (int i : group) {
                Field f = fields.get(i);
                Object v = s.get(i);
                if (v == null || (f.omitEmpty() && isEmpty(v, f.type()))) continue;
                String name = type.goName() + "." + f.json();
                List<String> child = new ArrayList<>(key);
                child.add(TAGS.getOrDefault(name, f.json().replace('_', '-')));
                if (TIME_DURATIONS.contains(name)) {
                    keyValue(child, quote(GoDurations.format((Long) v)));
                } else {
                    encode(child, v, f.type());
                }
            }
        }
    }

    private void encode(List<String> key, Object v, GoType type) {
        if (v == null) return;
        if (type instanceof Pointer p) {
            encode(key, v, p.elem());
        } else if (type instanceof Struct st) {
            table(key, (GoStruct) v, st);
        } else if (type instanceof StringMap m) {
            header(key);
            Map<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) sorted.put((String) e.getKey(), e.getValue());
            sorted.forEach((k, x) -> {
                List<String> child = new ArrayList<>(key);
                child.add(k);
                encode(child, x, m.elem());
            });
        } else if (type instanceof Slice s && isTable(v, type)) {
            for (Object e : (List<?>) v) {
                if (e == null) continue;
                newline();
                write(indent(key) + "[[" + String.join(".", key) + "]]");
                newline();
                struct(key, (GoStruct) e, (Struct) deref(s.elem()));
            }
        } else {
            keyValue(key, element(v, type));
        }
    }

    private static GoType deref(GoType t) {
        return t instanceof Pointer p ? deref(p.elem()) : t;
    }

    /** A table: a struct, a map, or a non-empty slice of structs. */
    private static boolean isTable(Object v, GoType type) {
        if (v == null) return false;
        GoType t = deref(type);
        if (t instanceof Struct || t instanceof StringMap) return true;
        return t instanceof Slice s && deref(s.elem()) instanceof Struct && !((List<?>) v).isEmpty();
    }

    private static boolean isEmpty(Object v, GoType type) {
        if (type instanceof Pointer) return v == null;
        if (v instanceof String s) return s.isEmpty();
        if (v instanceof Boolean b) return !b;
        if (v instanceof List<?> l) return l.isEmpty();
        if (v instanceof Map<?, ?> m) return m.isEmpty();
        return false;
    }

    private static String element(Object v, GoType type) {
        if (type instanceof Pointer p) return element(v, p.elem());
        if (type instanceof Duration) return quote(GoDurations.format((Long) v));
        if (type instanceof Slice s) {
            StringBuilder b = new StringBuilder("[");
            List<?> l = (List<?>) v;
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) b.append(", ");
                b.append(element(l.get(i), s.elem()));
            }
            return b.append(']').toString();
        }
        if (type instanceof Scalar sc) {
            return switch (sc) {
                case STRING -> quote((String) v);
                case BOOL -> v.toString();
                case UINT, UINT32, UINT64 -> Long.toUnsignedString((Long) v);
                case FLOAT64 -> formatFloat((Double) v);
                default -> Long.toString((Long) v);
            };
        }
        throw new IllegalArgumentException("no TOML element for " + type.goName());
    }

    /** strconv.FormatFloat(f, 'g', -1, 64) with a ".0" added when it has neither point nor exponent. */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d < 0 ? "-inf" : "inf";
        if (d == 0) return 1 / d < 0 ? "-0.0" : "0.0";
        BigDecimal shortest = GoMarshal.shortest(d);
        String digits = shortest.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - shortest.scale();
        if (exp < -4 || exp >= 6) return GoMarshal.exponentForm(d < 0, shortest, true);  // %g, shortest: switches at 6
        String s = shortest.toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** A TOML basic string, escaped as the encoder's replacer does. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\f' -> b.append("\\f");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", (int) c)); else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    private GoToml keyValue(List<String> key, String rendered) {
        write(indent(key) + key.get(key.size() - 1) + " = " + rendered);
        newline();
        return this;
    }

    private static String indent(List<String> key) {
        return "  ".repeat(key.size() - 1);
    }

    private void newline() {
        if (written) write("\n");
    }

    private void write(String s) {
        out.append(s);
        written = true;
    }
}
