package io.faketicdc.internal.json;

import io.faketicdc.internal.json.JsonValue.JArray;
import io.faketicdc.internal.json.JsonValue.JBool;
import io.faketicdc.internal.json.JsonValue.JNull;
import io.faketicdc.internal.json.JsonValue.JNumber;
import io.faketicdc.internal.json.JsonValue.JObject;
import io.faketicdc.internal.json.JsonValue.JString;
import io.faketicdc.internal.json.JsonValue.Member;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first JSON value of a request body the way Go's {@code json.NewDecoder(r).Decode}
 * does: leading white space skipped, trailing bytes ignored, an empty body is {@code EOF}, a
 * truncated one {@code unexpected EOF}, and syntax errors carry the scanner's wording.
 */
public final class GoJsonReader {
    private static final int MAX_DEPTH = 10000;

    private final byte[] in;
    private int pos;
    private int depth;

    private GoJsonReader(byte[] in) {
        this.in = in;
    }

    public static JsonValue read(byte[] body) throws GoJsonSyntaxException {
        GoJsonReader r = new GoJsonReader(body);
        r.skipSpace();
        if (r.pos >= r.in.length) {
            throw new GoJsonSyntaxException("EOF");
        }
        try {
            return r.value();
        } catch (StackOverflowError deep) {
            return readOnBigStack(body);
        }
    }

    /**
     * Go accepts 10000 levels of nesting; the recursive descent needs more stack than a request
     * thread may have, so a deep body is read again on a thread with a stack sized for it.
     */
    private static JsonValue readOnBigStack(byte[] body) throws GoJsonSyntaxException {
        Object[] result = new Object[1];
        Thread t = new Thread(null, () -> {
            GoJsonReader r = new GoJsonReader(body);
            r.skipSpace();
            try {
                result[0] = r.value();
            } catch (GoJsonSyntaxException e) {
                result[0] = e;
            }
        }, "go-json-deep-read", 256L << 20);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (result[0] instanceof GoJsonSyntaxException e) throw e;
        if (result[0] == null) throw new IllegalStateException("deep JSON read failed");
        return (JsonValue) result[0];
    }

    private JsonValue value() throws GoJsonSyntaxException {
        skipSpace();
        int c = peek();
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return new JString(string());
            case 't': literal("true", "in literal true (expecting '%s')"); return JBool.TRUE;
            case 'f': literal("false", "in literal false (expecting '%s')"); return JBool.FALSE;
            case 'n': literal("null", "in literal null (expecting '%s')"); return JNull.INSTANCE;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw syntax(c, "looking for beginning of value");
        }
    }

    private JsonValue object() throws GoJsonSyntaxException {
        enter();
        pos++;
        List<Member> members = new ArrayList<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            depth--;
            return new JObject(members);
        }
        while (true) {
            skipSpace();
            int c = peek();
            if (c != '"') throw syntax(c, "looking for beginning of object key string");
            String key = string();
            skipSpace();
            c = peek();
            if (c != ':') throw syntax(c, "after object key");
            pos++;
            members.add(new Member(key, value()));
            skipSpace();
            c = peek();
            if (c == ',') { pos++; continue; }
            if (c == '}') { pos++; depth--; return new JObject(members); }
            throw syntax(c, "after object key:value pair");
        }
    }

    private JsonValue array() throws GoJsonSyntaxException {
        enter();
        pos++;
        List<JsonValue> elements = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            depth--;
            return new JArray(elements);
        }
        while (true) {
            elements.add(value());
            skipSpace();
            int c = peek();
            if (c == ',') { pos++; continue; }
            if (c == ']') { pos++; depth--; return new JArray(elements); }
            throw syntax(c, "after array element");
        }
    }

    private void enter() throws GoJsonSyntaxException {
        if (++depth > MAX_DEPTH) throw syntax(peek(), "exceeded max depth");
    }

    private void literal(String word, String context) throws GoJsonSyntaxException {
        for (int i = 0; i < word.length(); i++) {
            int c = peek();
            if (c != word.charAt(i)) {
                throw syntax(c, String.format(context, word.charAt(i)));
            }
            pos++;
        }
    }

    private JsonValue number() throws GoJsonSyntaxException {
        int start = pos;
        if (peek() == '-') {
            pos++;
            int c = peek();
            if (c < '0' || c > '9') throw syntax(c, "in numeric literal");
        }
        if (peek() == '0') {
            pos++;
        } else {
            while (isDigit(peek())) pos++;
        }
        if (peek() == '.') {
            pos++;
            int c = peek();
            if (!isDigit(c)) throw syntax(c, "after decimal point in numeric literal");
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            int c = peek();
            if (!isDigit(c)) throw syntax(c, "in exponent of numeric literal");
            while (isDigit(peek())) pos++;
        }
        return new JNumber(new String(in, start, pos - start, StandardCharsets.US_ASCII));
    }

    private String string() throws GoJsonSyntaxException {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        int runStart = pos;
        while (true) {
            int c = peek();
            if (c == -1) throw new GoJsonSyntaxException("unexpected EOF");
            if (c == '"') {
                appendUtf8(out, runStart, pos);
                pos++;
                return out.toString();
            }
            if (c < 0x20) throw syntax(c, "in string literal");
            if (c == '\\') {
                appendUtf8(out, runStart, pos);
                pos++;
                escape(out);
                runStart = pos;
                continue;
            }
            pos++;
        }
    }

    private void escape(StringBuilder out) throws GoJsonSyntaxException {
        int c = peek();
        switch (c) {
            case '"': out.append('"'); break;
            case '\\': out.append('\\'); break;
            case '/': out.append('/'); break;
            case 'b': out.append('\b'); break;
            case 'f': out.append('\f'); break;
            case 'n': out.append('\n'); break;
            case 'r': out.append('\r'); break;
            case 't': out.append('\t'); break;
            case 'u': {
                pos++;
                int cp = hex4();
                if (Character.isHighSurrogate((char) cp)) {
                    if (peek() == '\\' && pos + 1 < in.length && in[pos + 1] == 'u') {
                        int save = pos;
                        pos += 2;
                        int lo = hex4();
                        if (Character.isLowSurrogate((char) lo)) {
                            out.append((char) cp).append((char) lo);
                            return;
                        }
                        pos = save;
                    }
                    out.append('\uFFFD');
                    return;
                }
                out.append(Character.isLowSurrogate((char) cp) ? '\uFFFD' : (char) cp);
                return;
            }
            case -1: throw new GoJsonSyntaxException("unexpected EOF");
            default: throw syntax(c, "in string escape code");
        }
        pos++;
    }

    private int hex4() throws GoJsonSyntaxException {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int c = peek();
            if (c == -1) throw new GoJsonSyntaxException("unexpected EOF");
            int d = c <= 'f' ? Character.digit(c, 16) : -1;
            if (d < 0) throw syntax(c, "in \\u hexadecimal character escape");
            v = v * 16 + d;
            pos++;
        }
        return v;
    }

    /**
     * Go's utf8.DecodeRune loop: every byte that does not start a valid sequence becomes one
     * U+FFFD and decoding resumes at the next byte (the JDK decoder would swallow a truncated
     * sequence or an encoded surrogate as a single U+FFFD).
     */
    private void appendUtf8(StringBuilder out, int from, int to) {
        int i = from;
        while (i < to) {
            int b0 = in[i] & 0xff;
            if (b0 < 0x80) {
                out.append((char) b0);
                i++;
                continue;
            }
            int size;
            int lo = 0x80;
            int hi = 0xbf;
            if (b0 >= 0xc2 && b0 <= 0xdf) {
                size = 2;
            } else if (b0 >= 0xe0 && b0 <= 0xef) {
                size = 3;
                if (b0 == 0xe0) lo = 0xa0;
                if (b0 == 0xed) hi = 0x9f;
            } else if (b0 >= 0xf0 && b0 <= 0xf4) {
                size = 4;
                if (b0 == 0xf0) lo = 0x90;
                if (b0 == 0xf4) hi = 0x8f;
            } else {
                size = 0;
            }
            boolean ok = size > 0 && i + size <= to;
            for (int k = 1; ok && k < size; k++) {
                int b = in[i + k] & 0xff;
                ok = k == 1 ? b >= lo && b <= hi : b >= 0x80 && b <= 0xbf;
            }
            if (!ok) {
                out.append('\uFFFD');
                i++;
                continue;
            }
            out.append(new String(in, i, size, StandardCharsets.UTF_8));
            i += size;
        }
    }

    private GoJsonSyntaxException syntax(int c, String context) {
        if (c == -1) return new GoJsonSyntaxException("unexpected EOF");
        return new GoJsonSyntaxException("invalid character " + quoteChar(c) + " " + context);
    }

    /** Go's quoteChar: the byte (read as a rune) in single quotes, escaped as strconv.Quote does. */
    static String quoteChar(int c) {
        if (c == '\'') return "'\\''";
        if (c == '"') return "'\"'";
        String q;
        switch (c) {
            case '\n': q = "\\n"; break;
            case '\r': q = "\\r"; break;
            case '\t': q = "\\t"; break;
            case '\b': q = "\\b"; break;
            case '\f': q = "\\f"; break;
            case 0x07: q = "\\a"; break;
            case 0x0b: q = "\\v"; break;
            case '\\': q = "\\\\"; break;
            default:
                if (c < 0x20 || c == 0x7f) q = String.format("\\x%02x", c);
                else if (c >= 0x80) q = latin1Rune(c);
                else q = String.valueOf((char) c);
        }
        return "'" + q + "'";
    }

    /**
     * strconv.Quote of string(rune(b)) for a byte of 0x80 and above: Go converts the byte to the
     * rune U+0080..U+00FF, printed as is when strconv.IsPrint holds, else as a \\u escape.
     */
    private static String latin1Rune(int c) {
        boolean printable = c >= 0xa1 && c != 0xad;
        return printable ? String.valueOf((char) c) : String.format("\\u%04x", c);
    }

    private int peek() {
        return pos < in.length ? in[pos] & 0xff : -1;
    }

    private void skipSpace() {
        while (pos < in.length && isSpace(in[pos] & 0xff)) pos++;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
