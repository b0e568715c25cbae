package io.faketicdc.internal.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.faketicdc.faults.ClusterFault;
import io.faketicdc.faults.FaultRule;

/**
 * Fault rules and cluster faults in scenario files and control requests: the records' own JSON
 * ({@code {"route": ..., "effect": {...}, "schedule": {...}}}, or {@code {"kind": "partition", "slot": 1}}
 * for a cluster fault), with errors that name the path and line.
 */
final class FaultJson {
    private FaultJson() { }

    /** A {@link FaultRule} or a {@link ClusterFault}. */
    static Object fault(JsonNode n, String path, Fields f) {
        if (!n.isObject()) throw f.error(path, "expected a fault rule or cluster fault object");
        Class<?> type = n.has("kind") ? ClusterFault.class : FaultRule.class;
        String what = type == ClusterFault.class ? "cluster fault" : "fault rule";
        try {
            return ScenarioReader.MAPPER.treeToValue(n, type);
        } catch (JsonMappingException e) {
            String field = path;
            for (JsonMappingException.Reference r : e.getPath()) {
                field = r.getFieldName() != null ? Fields.join(field, r.getFieldName()) : field + "[" + r.getIndex() + "]";
            }
            throw f.error(field, "not a valid " + what + ": " + problem(e));
        } catch (JsonProcessingException e) {
            throw f.error(path, "not a valid " + what);
        } catch (IllegalArgumentException e) {
            throw f.error(path, e.getMessage());
        }
    }

    /** Jackson's complaint in the fake's words: never a Java class or Jackson's own text. */
    private static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            StringBuilder known = new StringBuilder();
            for (Object k : u.getKnownPropertyIds()) known.append(known.length() == 0 ? "" : ", ").append(k);
            return "unknown field (expected one of " + known + ")";
        }
        if (e instanceof InvalidTypeIdException t) {
            return t.getTypeId() == null ? "needs a \"kind\"" : "unknown kind '" + t.getTypeId() + "'";
        }
        if (e instanceof InvalidFormatException v && v.getTargetType() != null && v.getTargetType().isEnum()) {
            StringBuilder names = new StringBuilder();
            for (Object c : v.getTargetType().getEnumConstants()) names.append(names.length() == 0 ? "" : ", ").append(c);
            return "unknown value '" + v.getValue() + "' (expected one of " + names + ")";
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause
                && cause.getMessage() != null) {
            return cause.getMessage();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + kindOf(m.getTargetType());
        }
        return "a value of the wrong shape";
    }

    private static String kindOf(Class<?> type) {
        if (type == String.class) return "a string";
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "an integer";
        if (type == double.class || type == Double.class) return "a number";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "an array";
        if (type == java.time.Duration.class) return "a duration (e.g. \"10m\")";
        return "an object";
    }
}
