package io.faketicdc.internal.routes;

/** Go's {@code strconv.Quote} ({@code %q}) for the printable text query parameters usually are. */
final class GoQuote {
    private GoQuote() { }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\');
            if (c < 0x20) b.append(String.format("\\x%02x", (int) c)); else b.append(c);
        }
        return b.append('"').toString();
    }
}
