package io.faketicdc.internal.json;

import io.faketicdc.internal.json.GoType.Duration;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Pointer;
import io.faketicdc.internal.json.GoType.Scalar;
import io.faketicdc.internal.json.GoType.Slice;
import io.faketicdc.internal.json.GoType.StringMap;
import io.faketicdc.internal.json.GoType.Struct;
import java.math.BigDecimal;
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
            new TreeMap<>((Map<?, ?>) value).forEach((k, v) -> {
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

    /** Go's encoding of float64: shortest representation, exponent form outside [1e-6, 1e21). */
    static String formatFloat(double d) {
        if (d == 0) return "0";
        double abs = Math.abs(d);
        if (abs < 1e-6 || abs >= 1e21) {
            String s = Double.toString(d).replace("E", "e");
            int e = s.indexOf('e');
            String mant = s.substring(0, e).replaceAll("\\.0$", "");
            String exp = s.substring(e + 1);
            boolean neg = exp.startsWith("-");
            if (neg) exp = exp.substring(1);
            if (exp.length() < 2) exp = "0" + exp;
            return mant + "e" + (neg ? "-" : "+") + exp;
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** Go's isEmptyValue, used by omitempty. */
    public static boolean isEmpty(Object v, GoType type) {
        if (type instanceof Struct) return false;
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
