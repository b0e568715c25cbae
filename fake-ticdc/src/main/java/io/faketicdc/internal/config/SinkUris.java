package io.faketicdc.internal.config;

import java.util.List;
import java.util.Map;

/** pkg/util/uri.go: how sink URIs are shown back to clients. */
public final class SinkUris {
    private SinkUris() { }

    /** MaskSinkURI: password and {@code sasl-password} become {@code xxxxx}; re-serialised by Go. */
    public static String mask(String uri) {
        try {
            GoUrl u = GoUrl.parse(uri);
            Map<String, List<String>> q = u.query();
            if (q.containsKey("sasl-password")) {
                q.put("sasl-password", List.of("xxxxx"));
                u.encodeQuery(q);
            }
            return u.redacted();
        } catch (GoUrl.UrlException e) {
            return "";
        }
    }

    /** MaskSensitiveDataInURIForError, for error texts about URIs that may not parse. */
    public static String maskForError(String uri) {
        try {
            GoUrl u = GoUrl.parse(uri);
            Map<String, List<String>> q = u.query();
            for (String key : List.copyOf(q.keySet())) {
                String lower = key.toLowerCase(java.util.Locale.ROOT);
                for (String secret : SECRETS) {
                    if (lower.contains(secret)) q.put(key, List.of("xxxxx"));
                }
            }
            u.encodeQuery(q);
            String masked = u.redacted();
            // MaskSensitiveDataInURIForError cannot tell an empty rendering (e.g. "#") from a parse failure
            return masked.isEmpty() && !uri.isEmpty() ? "<invalid uri>" : masked;
        } catch (GoUrl.UrlException e) {
            return uri.isEmpty() ? "" : "<invalid uri>";
        }
    }

    private static final List<String> SECRETS = List.of("password", "passwd", "pwd", "access", "token", "secret",
            "key", "signature", "credential", "private", "client");
}
