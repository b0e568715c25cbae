package io.faketicdc.internal.json;

import io.faketicdc.internal.json.GoType.Duration;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Pointer;
import io.faketicdc.internal.json.GoType.Scalar;
import io.faketicdc.internal.json.GoType.Slice;
import io.faketicdc.internal.json.GoType.StringMap;
import io.faketicdc.internal.json.GoType.Struct;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Marshals Go values (see {@link GoType}) with encoding/json's key order and omitempty rules. */
public final class GoMarshal {
    private GoMarshal() { }

    public static String compact(Object value, GoType type) {
        GoJsonWriter w = GoJsonWriter.compact();
        write(w, value, type);
        return w.toString();
    }

    public static void write(GoJsonWriter w, Object value, GoType type) {
        if (type instanceof Struct st) {
            writeStruct(w, (GoStruct) value, st);
        } else if (type instanceof Pointer p) {
            if (value == null) w.nullValue(); else write(w, value, p.elem());
        } else if (type instanceof Slice s) {
            if (value == null) {
                w.nullValue();
                return;
            }
            w.beginArray();
            for (Object e : (List<?>) value) write(w, e, s.elem());
            w.endArray();
        } else if (type instanceof StringMap m) {
            if (value == null) {
                w.nullValue();
                return;
            }
            w.beginObject();
            // Go sorts keys by their UTF-8 bytes, which is code point order, not UTF-16 order
            Map<Object, Object> sorted = new TreeMap<>((a, b) -> compareCodePoints((String) a, (String) b));
            sorted.putAll((Map<?, ?>) value);
            sorted.forEach((k, v) -> {
                w.name((String) k);
                write(w, v, m.elem());
            });
            w.endObject();
        } else if (type instanceof Duration) {
            w.value((Long) value);
        } else {
            writeScalar(w, value, (Scalar) type);
        }
    }

    private static void writeStruct(GoJsonWriter w, GoStruct s, Struct type) {
        w.beginObject();
        List<Field> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            Object v = s.get(i);
            if (f.omitEmpty() && isEmpty(v, f.type())) continue;
            w.name(f.json());
            write(w, v, f.type());
        }
        w.endObject();
    }

    private static void writeScalar(GoJsonWriter w, Object v, Scalar type) {
        switch (type) {
            case STRING: w.value((String) v); break;
            case BOOL: w.value((Boolean) v); break;
            case UINT: case UINT32: case UINT64: w.unsigned((Long) v); break;
            case FLOAT64: w.rawNumber(formatFloat((Double) v)); break;
            default: w.value((Long) v);
        }
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /**
     * Go's encoding of float64: the shortest decimal that reads back as the same value, in
     * exponent form outside [1e-6, 1e21) with a two-digit minimum only for positive exponents
     * ({@code 1e+21}, {@code 1e-7}); negative zero stays {@code -0}.
     */
    static String formatFloat(double d) {
        if (d == 0) return 1 / d < 0 ? "-0" : "0";
        BigDecimal shortest = shortest(d);
        double abs = Math.abs(d);
        if (abs < 1e-6 || abs >= 1e21) return exponentForm(d < 0, shortest, false);
        return shortest.toPlainString();
    }

    /**
     * {@code d.ddde±XX} of the shortest digits, as strconv writes it: a two-digit minimum exponent,
     * which encoding/json drops for negative exponents ({@code padNegative} false).
     */
    static String exponentForm(boolean negative, BigDecimal shortest, boolean padNegative) {
        String digits = shortest.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - shortest.scale();
        StringBuilder b = new StringBuilder();
        if (negative) b.append('-');
        b.append(digits.charAt(0));
        if (digits.length() > 1) b.append('.').append(digits, 1, digits.length());
        b.append('e').append(exp < 0 ? '-' : '+');
        int e = Math.abs(exp);
        if ((exp > 0 || padNegative) && e < 10) b.append('0');
        return b.append(e).toString();
    }

    /** The fewest significant digits that round-trip (JDK 17's Double.toString is not always shortest). */
    static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) return r.stripTrailingZeros();
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** Go's isEmptyValue, used by omitempty. */
    public static boolean isEmpty(Object v, GoType type) {
        // JSONDuration is a struct in Go, so omitempty never drops it even at zero
        if (type instanceof Struct || type instanceof Duration) return false;
        if (v == null) return true;
        if (type instanceof Pointer) return false;
        if (v instanceof String s) return s.isEmpty();
        if (v instanceof Boolean b) return !b;
        if (v instanceof Long l) return l == 0L;
        if (v instanceof Double d) return d == 0d;
        if (v instanceof List<?> l) return l.isEmpty();
        if (v instanceof Map<?, ?> m) return m.isEmpty();
        return false;
    }
}
