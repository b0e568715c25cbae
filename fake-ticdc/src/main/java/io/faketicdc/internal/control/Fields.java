package io.faketicdc.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.faketicdc.internal.json.GoDurations;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Typed field access with errors of the form {@code source:line: field: problem}. */
final class Fields {
    private final String source;
    private final Map<String, Integer> lines;

    Fields(String source, Map<String, Integer> lines) {
        this.source = source;
        this.lines = lines;
    }

    InputException error(String field, String problem) {
        Integer line = lineOf(field);
        String where = line == null ? source : source + ":" + line;
        return new InputException(where + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }

    /** The field's line, else that of the object or array around it (a missing field has none of its own). */
    private Integer lineOf(String field) {
        for (String p = field; ; ) {
            Integer line = lines.get(p);
            if (line != null || p.isEmpty()) return line;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    /** Rejects keys it does not know, so typos do not pass silently. */
    void known(JsonNode obj, String path, String... names) {
        if (!obj.isObject()) throw error(path, "expected an object");
        Set<String> allowed = Set.of(names);
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (!allowed.contains(n)) {
                throw error(join(path, n), "unknown field (expected one of " + String.join(", ", names) + ")");
            }
        }
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void array(JsonNode n, String path) {
        if (!n.isArray()) throw error(path, "expected an array");
    }

    String text(JsonNode n, String path) {
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw error(path, "expected a string");
        return n.asText();
    }

    String requiredText(JsonNode obj, String name, String path) {
        String v = text(obj.get(name), join(path, name));
        if (v == null || v.isEmpty()) throw error(join(path, name), "required");
        return v;
    }

    int positiveInt(JsonNode n, String path) {
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) throw error(path, "expected a positive integer");
        return n.asInt();
    }

    long tso(JsonNode n, String path) {
        if (n == null || n.isNull()) return 0;
        if (!n.isIntegralNumber() || n.bigIntegerValue().signum() < 0 || n.bigIntegerValue().bitLength() > 64) {
            throw error(path, "expected a TSO (unsigned 64-bit integer)");
        }
        return n.bigIntegerValue().longValue();
    }

    /** A Go duration ({@code 10m}, {@code 1h30m}), an ISO-8601 one ({@code PT10M}) or milliseconds. */
    Duration duration(JsonNode n, String path) {
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber()) {
            if (!n.canConvertToLong()) throw error(path, "not a duration: " + n.asText() + " milliseconds is too long");
            return Duration.ofMillis(n.asLong());
        }
        if (!n.isTextual()) throw error(path, "expected a duration (e.g. \"10m\", \"1h30m\", \"PT10M\" or milliseconds)");
        String s = n.asText();
        try {
            return s.toUpperCase(Locale.ROOT).startsWith("P") ? Duration.parse(s) : Duration.ofNanos(GoDurations.parse(s));
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw error(path, "not a duration: " + s + " (use e.g. \"10m\", \"1h30m\", \"PT10M\")");
        }
    }

    Instant instant(JsonNode n, String path) {
        String s = text(n, path);
        if (s == null) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw error(path, "not an ISO-8601 instant: " + s);
        }
    }

    <E extends Enum<E>> E enumValue(JsonNode n, Class<E> type, String path) {
        String s = text(n, path);
        if (s == null) throw error(path, "required");
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder names = new StringBuilder();
            for (E c : type.getEnumConstants()) names.append(names.length() == 0 ? "" : ", ").append(c.name());
            throw error(path, "unknown value '" + s + "' (expected one of " + names + ")");
        }
    }
}
