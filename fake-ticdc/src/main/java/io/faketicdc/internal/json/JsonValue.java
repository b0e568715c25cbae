package io.faketicdc.internal.json;

import java.util.List;

/**
 * A parsed JSON document, kept close to the bytes: numbers keep their literal text (Go binds
 * numbers by parsing the literal for the target type) and objects keep every member in order,
 * duplicates included (Go assigns them one after another, so the last one wins).
 */
public sealed interface JsonValue {

    /** Go's name for the JSON kind in "cannot unmarshal X into ..." messages. */
    String goKind();

    record JObject(List<Member> members) implements JsonValue {
        public String goKind() { return "object"; }

        public JsonValue get(String key) {
            JsonValue found = null;
            for (Member m : members) {
                if (m.key().equals(key)) found = m.value();
            }
            return found;
        }
    }

    record Member(String key, JsonValue value) { }

    record JArray(List<JsonValue> elements) implements JsonValue {
        public String goKind() { return "array"; }
    }

    record JString(String value) implements JsonValue {
        public String goKind() { return "string"; }
    }

    record JNumber(String literal) implements JsonValue {
        public String goKind() { return "number"; }
    }

    record JBool(boolean value) implements JsonValue {
        public static final JBool TRUE = new JBool(true);
        public static final JBool FALSE = new JBool(false);
        public String goKind() { return "bool"; }
    }

    enum JNull implements JsonValue {
        INSTANCE;
        public String goKind() { return "null"; }
    }
}
