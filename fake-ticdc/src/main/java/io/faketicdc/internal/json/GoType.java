package io.faketicdc.internal.json;

import java.util.List;

/**
 * Just enough of Go's type system to bind request bodies with Go's semantics and to marshal
 * values with Go's key order and omitempty rules.
 *
 * <p>Values are plain Java: a struct is a {@link GoStruct}; a nil pointer, slice or map is
 * {@code null}; a non-nil pointer holds its element directly; integers are {@code Long} (uint64
 * stored as its bit pattern); durations are nanoseconds in a {@code Long}.
 */
public sealed interface GoType {

    /** Go's spelling of the type in error messages, e.g. {@code uint64}, {@code *v2.FilterConfig}. */
    String goName();

    enum Scalar implements GoType {
        STRING("string"), BOOL("bool"), INT("int"), INT16("int16"), INT32("int32"), INT64("int64"),
        UINT("uint"), UINT32("uint32"), UINT64("uint64"), FLOAT64("float64");

        private final String goName;

        Scalar(String goName) {
            this.goName = goName;
        }

        public String goName() {
            return goName;
        }

        public Object zero() {
            switch (this) {
                case STRING: return "";
                case BOOL: return Boolean.FALSE;
                case FLOAT64: return 0.0d;
                default: return 0L;
            }
        }

        public boolean unsigned() {
            return this == UINT || this == UINT32 || this == UINT64;
        }

        public int bits() {
            switch (this) {
                case INT16: return 16;
                case INT32: case UINT32: return 32;
                default: return 64;
            }
        }
    }

    /**
     * A duration with a custom unmarshaler: a JSON number (nanoseconds) or a Go duration string;
     * marshalled as integer nanoseconds.
     */
    record Duration(String goName) implements GoType { }

    record Pointer(GoType elem) implements GoType {
        public String goName() {
            return "*" + elem.goName();
        }
    }

    record Slice(GoType elem) implements GoType {
        public String goName() {
            return "[]" + elem.goName();
        }
    }

    /** {@code map[string]V}; marshalled with sorted keys as Go does. */
    record StringMap(GoType elem) implements GoType {
        public String goName() {
            return "map[string]" + elem.goName();
        }
    }

    final class Struct implements GoType {
        private final String goName;
        private List<Field> fields = List.of();

        public Struct(String goName) {
            this.goName = goName;
        }

        public String goName() {
            return goName;
        }

        /** The bare type name Go puts before the field path in UnmarshalTypeError. */
        public String simpleName() {
            int dot = goName.lastIndexOf('.');
            return dot < 0 ? goName : goName.substring(dot + 1);
        }

        public List<Field> fields() {
            return fields;
        }

        public Struct fields(List<Field> fields) {
            this.fields = List.copyOf(fields);
            return this;
        }

        public int indexOf(String json) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).json().equals(json)) return i;
            }
            return -1;
        }

        /** Go's field lookup: exact name first, then the first field whose folded name is equal. */
        public int match(String key) {
            int exact = indexOf(key);
            if (exact >= 0) return exact;
            String folded = foldName(key);
            for (int i = 0; i < fields.size(); i++) {
                if (foldName(fields.get(i).json()).equals(folded)) return i;
            }
            return -1;
        }

        /**
         * encoding/json's foldName: ASCII letters upper-cased, any other rune replaced by the
         * smallest rune of its simple case-folding orbit (so U+017F long s matches 's' and the
         * Kelvin sign matches 'k', which a plain toLowerCase misses).
         */
        static String foldName(String name) {
            StringBuilder out = new StringBuilder(name.length());
            name.codePoints().forEach(cp -> {
                if (cp < 0x80) {
                    out.append((char) (cp >= 'a' && cp <= 'z' ? cp - 32 : cp));
                    return;
                }
                int min = cp;
                int[] orbit = {Character.toUpperCase(cp), Character.toLowerCase(cp), Character.toTitleCase(cp),
                    Character.toLowerCase(Character.toUpperCase(cp)), Character.toUpperCase(Character.toLowerCase(cp))};
                for (int c : orbit) min = Math.min(min, c);
                out.appendCodePoint(min);
            });
            return out.toString();
        }

        public GoStruct zero() {
            return new GoStruct(this);
        }

        @Override
        public String toString() {
            return goName;
        }
    }

    /**
     * A struct field. {@code embeddedIn} names the embedded struct a promoted field comes from;
     * Go 1.24+ puts that name into the field path of type errors.
     */
    record Field(String json, GoType type, boolean omitEmpty, String embeddedIn) {
        public static Field of(String json, GoType type) {
            return new Field(json, type, false, null);
        }

        public static Field omit(String json, GoType type) {
            return new Field(json, type, true, null);
        }

        public Field in(String embedded) {
            return new Field(json, type, omitEmpty, embedded);
        }

        String pathElement() {
            return embeddedIn == null ? json : embeddedIn + "." + json;
        }
    }

    /** The zero value of a type. */
    static Object zeroOf(GoType type) {
        if (type instanceof Scalar s) return s.zero();
        if (type instanceof Duration) return 0L;
        if (type instanceof Struct st) return st.zero();
        return null; // pointer, slice, map
    }
}
