package io.faketicdc.internal.json;

import io.faketicdc.internal.json.GoType.Duration;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Pointer;
import io.faketicdc.internal.json.GoType.Scalar;
import io.faketicdc.internal.json.GoType.Slice;
import io.faketicdc.internal.json.GoType.StringMap;
import io.faketicdc.internal.json.GoType.Struct;
import io.faketicdc.internal.json.JsonValue.JArray;
import io.faketicdc.internal.json.JsonValue.JBool;
import io.faketicdc.internal.json.JsonValue.JNull;
import io.faketicdc.internal.json.JsonValue.JNumber;
import io.faketicdc.internal.json.JsonValue.JObject;
import io.faketicdc.internal.json.JsonValue.JString;
import io.faketicdc.internal.json.JsonValue.Member;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a parsed document into a Go value exactly as encoding/json's {@code Decode} does:
 * into an existing value (so objects merge into what is there), case-insensitive keys, unknown
 * keys ignored, {@code null} clearing only pointers, slices and maps, and the first type mismatch
 * reported as Go's {@code UnmarshalTypeError} after the rest has been decoded.
 */
public final class GoBinder {
    private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final List<String> fieldStack = new ArrayList<>();
    private Struct currentStruct;
    private String firstError;

    private GoBinder() { }

    /**
     * Decodes {@code doc} into {@code target} (modified in place where Go would) and returns the
     * resulting value; throws with Go's message on the first type mismatch.
     */
    public static Object decode(JsonValue doc, GoType type, Object target) throws GoJsonSyntaxException {
        GoBinder b = new GoBinder();
        Object result;
        try {
            result = b.value(doc, type, target);
        } catch (Abort a) {
            throw new GoJsonSyntaxException(a.getMessage());
        }
        if (b.firstError != null) throw new GoJsonSyntaxException(b.firstError);
        return result;
    }

    private Object value(JsonValue v, GoType type, Object current) {
        if (v == JNull.INSTANCE) {
            if (type instanceof Pointer || type instanceof Slice || type instanceof StringMap) return null;
            if (type instanceof Duration) throw new Abort(GoDurations.bindNull());
            return current;
        }
        if (type instanceof Pointer p) {
            Object elem = current != null ? current : GoType.zeroOf(p.elem());
            return value(v, p.elem(), elem);
        }
        if (type instanceof Duration d) {
            GoDurations.Result r = GoDurations.bind(v);
            if (r.error() != null) throw new Abort(r.error());
            return r.nanos();
        }
        if (v instanceof JObject o) return object(o, type, current);
        if (v instanceof JArray a) return array(a, type, current);
        if (v instanceof JString s) return string(s, type, current);
        if (v instanceof JNumber n) return number(n, type, current);
        return bool((JBool) v, type, current);
    }

    private Object object(JObject o, GoType type, Object current) {
        if (type instanceof Struct st) {
            GoStruct target = (GoStruct) current;
            List<Field> fields = st.fields();
            for (Member m : o.members()) {
                int i = st.match(m.key());
                if (i < 0) continue;
                Field f = fields.get(i);
                Struct saved = currentStruct;
                currentStruct = st;
                fieldStack.add(f.pathElement());
                target.set(i, value(m.value(), f.type(), target.get(i)));
                fieldStack.remove(fieldStack.size() - 1);
                currentStruct = saved;
            }
            return target;
        }
        if (type instanceof StringMap m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> target = current != null ? (Map<String, Object>) current : new LinkedHashMap<>();
            for (Member e : o.members()) {
                target.put(e.key(), value(e.value(), m.elem(), GoType.zeroOf(m.elem())));
            }
            return target;
        }
        return mismatch("object", type, current);
    }

    private Object array(JArray a, GoType type, Object current) {
        if (!(type instanceof Slice s)) return mismatch("array", type, current);
        List<?> old = current instanceof List<?> l ? l : List.of();
        List<Object> out = new ArrayList<>(a.elements().size());
        for (int i = 0; i < a.elements().size(); i++) {
            Object into = i < old.size() ? old.get(i) : GoType.zeroOf(s.elem());
            out.add(value(a.elements().get(i), s.elem(), into));
        }
        return out;
    }

    private Object string(JString s, GoType type, Object current) {
        if (type == Scalar.STRING) return s.value();
        return mismatch("string", type, current);
    }

    private Object bool(JBool b, GoType type, Object current) {
        if (type == Scalar.BOOL) return b.value();
        return mismatch("bool", type, current);
    }

    private Object number(JNumber n, GoType type, Object current) {
        if (!(type instanceof Scalar sc) || sc == Scalar.STRING || sc == Scalar.BOOL) {
            return mismatch("number", type, current);
        }
        String lit = n.literal();
        if (sc == Scalar.FLOAT64) {
            double d = Double.parseDouble(lit);
            if (Double.isInfinite(d)) return mismatch("number " + lit, type, current);
            return d;
        }
        Long parsed = parseInteger(lit, sc);
        if (parsed == null) return mismatch("number " + lit, type, current);
        return parsed;
    }

    /** strconv.ParseUint / ParseInt on the literal, then the field's overflow check. */
    static Long parseInteger(String lit, Scalar sc) {
        for (int i = lit.startsWith("-") ? 1 : 0; i < lit.length(); i++) {
            char c = lit.charAt(i);
            if (c < '0' || c > '9') return null;
        }
        if (sc.unsigned() && lit.startsWith("-")) return null;
        // more than 20 significant digits is out of any 64-bit range: no BigInteger of a
        // megabytes-long literal (its parsing is quadratic and held a request for minutes)
        int first = lit.startsWith("-") ? 1 : 0;
        while (first < lit.length() - 1 && lit.charAt(first) == '0') first++;
        if (lit.length() - first > 20) return null;
        BigInteger v = new BigInteger(lit);
        if (sc.unsigned()) {
            BigInteger max = sc.bits() == 64 ? MAX_U64 : BigInteger.ONE.shiftLeft(sc.bits()).subtract(BigInteger.ONE);
            return v.compareTo(max) > 0 ? null : v.longValue();
        }
        BigInteger max = BigInteger.ONE.shiftLeft(sc.bits() - 1).subtract(BigInteger.ONE);
        BigInteger min = max.negate().subtract(BigInteger.ONE);
        return v.compareTo(max) > 0 || v.compareTo(min) < 0 ? null : v.longValue();
    }

    private Object mismatch(String what, GoType type, Object current) {
        typeError("json: cannot unmarshal " + what + " into " + location() + " of type " + type.goName());
        return current;
    }

    private String location() {
        if (currentStruct == null && fieldStack.isEmpty()) return "Go value";
        return "Go struct field " + currentStruct.simpleName() + "." + String.join(".", fieldStack);
    }

    /** An UnmarshalJSON error: Go returns it at once, ahead of any saved type error. */
    private static final class Abort extends RuntimeException {
        Abort(String message) {
            super(message, null, false, false);
        }
    }

    private void typeError(String message) {
        if (firstError == null) firstError = message;
    }
}
