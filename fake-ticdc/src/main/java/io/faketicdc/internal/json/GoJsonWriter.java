package io.faketicdc.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes JSON byte for byte as Go's encoding/json does: {@code json.Marshal} (compact) or
 * {@code json.MarshalIndent(v, "", "    ")} (gin's IndentedJSON), HTML-escaping {@code <>&},
 * lower-case hex escapes and unsigned 64-bit integers.
 */
public final class GoJsonWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final boolean indent;
    private final String indentUnit;
    private byte[] buf = new byte[256];
    private int len;
    private int depth;
    /** Per nesting level: has the container written an element yet. */
    private boolean[] hasElement = new boolean[16];
    private boolean afterName;

    private GoJsonWriter(boolean indent, String indentUnit) {
        this.indent = indent;
        this.indentUnit = indentUnit;
    }

    public static GoJsonWriter compact() {
        return new GoJsonWriter(false, "");
    }

    /** Compact, with room for about {@code expectedBytes} (a big answer grows its buffer once, not twenty times). */
    public static GoJsonWriter compact(int expectedBytes) {
        GoJsonWriter w = new GoJsonWriter(false, "");
        if (expectedBytes > w.buf.length) w.buf = new byte[expectedBytes];
        return w;
    }

    /** gin's IndentedJSON: four spaces. */
    public static GoJsonWriter indented() {
        return new GoJsonWriter(true, "    ");
    }

    /** MarshalIndent with another indent, e.g. one space for the legacy root routes. */
    public static GoJsonWriter indented(String unit) {
        return new GoJsonWriter(true, unit);
    }

    public GoJsonWriter beginObject() {
        beforeValue();
        return open('{');
    }

    public GoJsonWriter endObject() {
        return close('}');
    }

    public GoJsonWriter beginArray() {
        beforeValue();
        return open('[');
    }

    public GoJsonWriter endArray() {
        return close(']');
    }

    public GoJsonWriter name(String name) {
        separate();
        byte[] encoded = NAMES.get(name);
        if (encoded == null) {
            int start = len;
            writeString(name);
            if (NAMES.size() < MAX_NAMES) NAMES.putIfAbsent(name, Arrays.copyOfRange(buf, start, len));
        } else {
            ensure(encoded.length);
            System.arraycopy(encoded, 0, buf, len, encoded.length);
            len += encoded.length;
        }
        put(':');
        if (indent) put(' ');
        afterName = true;
        return this;
    }

    /** Object keys already escaped and quoted: the same few dozen names are written again and again. */
    private static final java.util.concurrent.ConcurrentHashMap<String, byte[]> NAMES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_NAMES = 4096;

    public GoJsonWriter value(String s) {
        if (s == null) return nullValue();
        beforeValue();
        writeString(s);
        return this;
    }

    public GoJsonWriter value(boolean b) {
        beforeValue();
        ascii(b ? "true" : "false");
        return this;
    }

    /** A signed Go integer (int, int64). */
    public GoJsonWriter value(long n) {
        beforeValue();
        if (n == Long.MIN_VALUE) {
            ascii("-9223372036854775808");
        } else if (n < 0) {
            put('-');
            digits(-n);
        } else {
            digits(n);
        }
        return this;
    }

    /** A Go uint64 held in a Java long. */
    public GoJsonWriter unsigned(long n) {
        beforeValue();
        if (n >= 0) {
            digits(n);
        } else {
            long high = Long.divideUnsigned(n, 10);
            digits(high);
            put('0' + (int) (n - high * 10));
        }
        return this;
    }

    /** The decimal digits of a non-negative long, written straight into the buffer. */
    private void digits(long n) {
        int count = 1;
        for (long x = n; x >= 10; x /= 10) count++;
        ensure(count);
        int end = len + count;
        for (int i = end - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + (int) (n % 10));
            n /= 10;
        }
        len = end;
    }

    public GoJsonWriter rawNumber(String literal) {
        beforeValue();
        ascii(literal);
        return this;
    }

    /** Already-rendered compact JSON, as one value. */
    public GoJsonWriter rawJson(String json) {
        return rawJson(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Already-rendered compact JSON in UTF-8, as one value. */
    public GoJsonWriter rawJson(byte[] json) {
        beforeValue();
        ensure(json.length);
        System.arraycopy(json, 0, buf, len, json.length);
        len += json.length;
        return this;
    }

    public GoJsonWriter nullValue() {
        beforeValue();
        ascii("null");
        return this;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private GoJsonWriter open(char c) {
        put(c);
        depth++;
        if (depth >= hasElement.length) hasElement = Arrays.copyOf(hasElement, depth * 2);
        hasElement[depth] = false;
        return this;
    }

    private GoJsonWriter close(char c) {
        boolean any = hasElement[depth];
        depth--;
        if (indent && any) newline();
        put(c);
        return this;
    }

    /** Called before a value: inside an array it separates; after a name it does nothing. */
    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) separate();
    }

    private void separate() {
        if (hasElement[depth]) put(',');
        hasElement[depth] = true;
        if (indent) newline();
    }

    private void newline() {
        put('\n');
        for (int i = 0; i < depth; i++) ascii(indentUnit);
    }

    private void writeString(String s) {
        int n = s.length();
        ensure(n + 2);
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
                    if (len == buf.length) ensure(n - i + 1);
                    buf[len++] = (byte) c;
                    continue;
                }
                switch (c) {
                    case '"': ascii("\\\""); break;
                    case '\\': ascii("\\\\"); break;
                    case '\n': ascii("\\n"); break;
                    case '\r': ascii("\\r"); break;
                    case '\t': ascii("\\t"); break;
                    case '\b': ascii("\\b"); break;
                    case '\f': ascii("\\f"); break;
                    default: unicodeEscape(c);
                }
            } else if (c == '\u2028' || c == '\u2029') {
                unicodeEscape(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                utf8(Character.toCodePoint(c, s.charAt(++i)));
            } else if (Character.isSurrogate(c)) {
                ascii("\\ufffd");
            } else {
                utf8(c);
            }
        }
        put('"');
    }

    private void unicodeEscape(char c) {
        ascii("\\u");
        put(HEX[(c >> 12) & 0xf]);
        put(HEX[(c >> 8) & 0xf]);
        put(HEX[(c >> 4) & 0xf]);
        put(HEX[c & 0xf]);
    }

    private void utf8(int cp) {
        if (cp < 0x800) {
            put(0xc0 | (cp >> 6));
            put(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            put(0xe0 | (cp >> 12));
            put(0x80 | ((cp >> 6) & 0x3f));
            put(0x80 | (cp & 0x3f));
        } else {
            put(0xf0 | (cp >> 18));
            put(0x80 | ((cp >> 12) & 0x3f));
            put(0x80 | ((cp >> 6) & 0x3f));
            put(0x80 | (cp & 0x3f));
        }
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) buf[len++] = (byte) s.charAt(i);
    }

    private void put(int b) {
        if (len == buf.length) buf = Arrays.copyOf(buf, len * 2);
        buf[len++] = (byte) b;
    }

    /** Room for {@code n} more bytes. */
    private void ensure(int n) {
        if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
}
