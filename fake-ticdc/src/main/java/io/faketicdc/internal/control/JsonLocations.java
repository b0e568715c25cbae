package io.faketicdc.internal.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every value in a JSON document, keyed by a readable path
 * ({@code steps[2].action.kind}), so errors about a field can name the line it is on.
 */
final class JsonLocations {
    private static final JsonFactory FACTORY = new JsonFactory();

    private static final class Frame {
        final String path;
        final boolean array;
        int next;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }

    private JsonLocations() { }

    static Map<String, Integer> index(String json) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            String field = null;
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                Frame parent = stack.peek();
                String here;
                if (parent == null) here = "";
                else if (parent.array) here = parent.path + "[" + (parent.next++) + "]";
                else here = parent.path.isEmpty() ? field : parent.path + "." + field;
                lines.putIfAbsent(here, p.currentTokenLocation().getLineNr());
                if (t == JsonToken.START_OBJECT) stack.push(new Frame(here, false));
                else if (t == JsonToken.START_ARRAY) stack.push(new Frame(here, true));
            }
        }
        return lines;
    }
}
