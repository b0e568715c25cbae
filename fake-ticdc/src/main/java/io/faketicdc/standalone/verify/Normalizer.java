package io.faketicdc.standalone.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rewrites what legitimately differs between two servers before a comparison: TSOs and other
 * large numbers (16 digits and more: TSOs, upstream IDs; and the TSO query's physical
 * {@code timestamp}), times, capture and other generated IDs, addresses and ports, pids, versions and
 * git hashes, and the run's changefeed names. Lists keep only the run's own changefeeds (a shared
 * cluster has others).
 */
final class Normalizer {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern BIG = Pattern.compile("\\b\\d{16,}\\b");
    private static final Pattern ADDR = Pattern.compile("\\b[\\w.-]+:\\d{2,5}\\b");
    private static final Set<String> VERSION_KEYS = Set.of("version", "git_hash", "creator_version");
    private static final Set<String> LIST_PATHS = Set.of("/api/v2/changefeeds", "/api/v1/changefeeds", "/api/v2/processors", "/api/v1/processors");

    private final String runPrefix;

    Normalizer(String runPrefix) {
        this.runPrefix = runPrefix;
    }

    String path(String path) {
        return text(path);
    }

    /** The JSON body, normalized, or null when the body is not JSON. */
    JsonNode json(Exchange e) {
        JsonNode n;
        try {
            n = Ctx.JSON.readTree(e.reply().body());
        } catch (java.io.IOException ex) {
            return null;
        }
        if (n == null || !(n.isObject() || n.isArray())) return null;
        String bare = e.path().replaceFirst("\\?.*", "");
        if (e.reply().status() == 200 && LIST_PATHS.contains(bare)) n = ownItems(n);
        return value(null, n);
    }

    /** The body's framing: compact, indented by N, or text. */
    static String framing(String body) {
        if (!body.startsWith("{") && !body.startsWith("[")) return "text";
        if (!body.contains("\n")) return "compact";
        int i = body.indexOf('\n') + 1;
        int n = 0;
        while (i + n < body.length() && body.charAt(i + n) == ' ') n++;
        return "indented by " + n;
    }

    String text(String s) {
        String t = s.replaceAll(Pattern.quote(runPrefix) + "\\d+", "<feed>");
        t = UUID.matcher(t).replaceAll("<id>");
        t = TIME.matcher(t).replaceAll("<time>");
        t = BIG.matcher(t).replaceAll("<number>");
        return ADDR.matcher(t).replaceAll("<addr>");
    }

    private JsonNode ownItems(JsonNode n) {
        ArrayNode items = n.isArray() ? (ArrayNode) n : n.has("items") && n.get("items").isArray() ? (ArrayNode) n.get("items") : null;
        if (items == null) return n;
        ArrayNode own = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : items) {
            String id = item.path("id").asText(item.path("changefeed_id").asText(""));
            if (id.startsWith(runPrefix)) own.add(item);
        }
        if (n.isArray()) return own;
        ObjectNode copy = ((ObjectNode) n).deepCopy();
        copy.set("items", own);
        if (copy.has("total")) copy.put("total", own.size());
        return copy;
    }

    private JsonNode value(String key, JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                out.set(f.getKey(), value(f.getKey(), f.getValue()));
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : n) out.add(value(key, item));
            return out;
        }
        if (key != null && VERSION_KEYS.contains(key)) return TextNode.valueOf("<version>");
        if ("pid".equals(key)) return TextNode.valueOf("<pid>");
        if ("address".equals(key)) return TextNode.valueOf("<addr>");
        if (n.isIntegralNumber() && (n.asText().length() >= 16 || "timestamp".equals(key))) return TextNode.valueOf("<number>");
        if (n.isTextual()) return TextNode.valueOf(text(n.asText()));
        return n;
    }
}
