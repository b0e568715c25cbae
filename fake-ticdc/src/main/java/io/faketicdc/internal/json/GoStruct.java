package io.faketicdc.internal.json;

import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Go struct value: one slot per field of its {@link Struct} type, zero-initialised. Once
 * {@link #freeze() frozen} (a changefeed's stored config) it is read-only, and so is everything in
 * it; a {@link #copy()} is writable again.
 */
public final class GoStruct {
    private final Struct type;
    private final Object[] values;
    private boolean frozen;

    public GoStruct(Struct type) {
        this.type = type;
        List<Field> fields = type.fields();
        this.values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) values[i] = GoType.zeroOf(fields.get(i).type());
    }

    /** A struct holding {@code values} as they are (a copy's, not zeroed first). */
    private GoStruct(Struct type, Object[] values) {
        this.type = type;
        this.values = values;
    }

    public Struct type() {
        return type;
    }

    public Object get(int index) {
        return values[index];
    }

    public void set(int index, Object value) {
        writable();
        values[index] = value;
    }

    public Object get(String json) {
        int i = type.indexOf(json);
        if (i < 0) throw new IllegalArgumentException(type + " has no field " + json);
        return values[i];
    }

    public GoStruct set(String json, Object value) {
        int i = type.indexOf(json);
        if (i < 0) throw new IllegalArgumentException(type + " has no field " + json);
        writable();
        values[i] = value;
        return this;
    }

    public boolean has(String json) {
        return type.indexOf(json) >= 0;
    }

    public GoStruct struct(String json) {
        return (GoStruct) get(json);
    }

    public String string(String json) {
        return (String) get(json);
    }

    public long number(String json) {
        Object v = get(json);
        return v == null ? 0L : (Long) v;
    }

    public Boolean bool(String json) {
        return (Boolean) get(json);
    }

    private void writable() {
        if (frozen) throw new IllegalStateException("a frozen " + type + " is read-only: change a copy()");
    }

    /**
     * Makes this struct read-only, with every struct, slice and map in it; returns it. What is
     * frozen can be shared (one changefeed's stored config with another's, see {@code Seeder}):
     * a change is made to a copy, which replaces the stored one.
     */
    public GoStruct freeze() {
        if (frozen) return this;
        for (int i = 0; i < values.length; i++) values[i] = frozen(values[i]);
        frozen = true;
        return this;
    }

    public boolean frozen() {
        return frozen;
    }

    @SuppressWarnings("unchecked")
    private static Object frozen(Object v) {
        if (v instanceof GoStruct s) return s.freeze();
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>(l.size());
            for (Object e : l) c.add(frozen(e));
            return java.util.Collections.unmodifiableList(c);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, e) -> c.put(k, frozen(e)));
            return java.util.Collections.unmodifiableMap(c);
        }
        return v;
    }

    /** A deep copy, writable: structs, slices and maps are copied, immutable leaves shared. */
    public GoStruct copy() {
        // every slot is set from this one's: no zero values made (nested zero structs) to be replaced
        Object[] copied = new Object[values.length];
        for (int i = 0; i < values.length; i++) copied[i] = copyValue(values[i]);
        return new GoStruct(type, copied);
    }

    @SuppressWarnings("unchecked")
    static Object copyValue(Object v) {
        if (v instanceof GoStruct s) return s.copy();
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>(l.size());
            for (Object e : l) c.add(copyValue(e));
            return c;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, e) -> c.put(k, copyValue(e)));
            return c;
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GoStruct other) || other.type != type) return false;
        for (int i = 0; i < values.length; i++) {
            if (!Objects.equals(values[i], other.values[i])) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = type.hashCode();
        for (Object v : values) h = 31 * h + Objects.hashCode(v);
        return h;
    }

    @Override
    public String toString() {
        return GoMarshal.compact(this, type);
    }
}
