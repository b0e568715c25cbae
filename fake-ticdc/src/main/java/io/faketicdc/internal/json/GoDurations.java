package io.faketicdc.internal.json;

import io.faketicdc.internal.json.JsonValue.JNumber;
import io.faketicdc.internal.json.JsonValue.JString;
import java.math.BigInteger;

/** Go's {@code time.ParseDuration} and TiCDC's JSON duration unmarshaling. */
public final class GoDurations {
    private GoDurations() { }

    public record Result(long nanos, String error) { }

    static Result bind(JsonValue v) {
        if (v instanceof JNumber n) {
            // decoded as float64 first, then converted: fractions truncate, out of range is MinInt64 (amd64)
            double d = Double.parseDouble(n.literal());
            if (Double.isInfinite(d)) {
                return new Result(0, "json: cannot unmarshal number " + n.literal() + " into Go value of type float64");
            }
            boolean inRange = d >= -9.223372036854775808E18 && d < 9.223372036854775808E18;
            return new Result(inRange ? (long) d : Long.MIN_VALUE, null);
        }
        if (v instanceof JString s) {
            try {
                return new Result(parse(s.value()), null);
            } catch (IllegalArgumentException e) {
                return new Result(0, e.getMessage());
            }
        }
        return new Result(0, "invalid duration");
    }

    /**
     * A {@code null} for a non-pointer JSONDuration: encoding/json stops at the addressable
     * Unmarshaler and calls {@code UnmarshalJSON("null")}, which decodes nil and answers with
     * the default branch. (A {@code *JSONDuration} is set to nil instead and never gets here.)
     */
    static String bindNull() {
        return "invalid duration";
    }

    /** time.ParseDuration, with its error texts. */
    public static long parse(String s) {
        String orig = s;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) return 0;
        if (s.isEmpty()) throw invalid(orig);
        BigInteger total = BigInteger.ZERO;
        BigInteger limit = BigInteger.ONE.shiftLeft(63);
        while (!s.isEmpty()) {
            int i = 0;
            while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) i++;
            String intPart = s.substring(0, i);
            s = s.substring(i);
            String frac = "";
            boolean dot = false;
            if (!s.isEmpty() && s.charAt(0) == '.') {
                dot = true;
                s = s.substring(1);
                int j = 0;
                while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') j++;
                frac = s.substring(0, j);
                s = s.substring(j);
            }
            if (intPart.isEmpty() && frac.isEmpty()) throw invalid(orig);
            int u = 0;
            while (u < s.length() && s.charAt(u) != '.' && !(s.charAt(u) >= '0' && s.charAt(u) <= '9')) u++;
            if (u == 0) throw new IllegalArgumentException("time: missing unit in duration " + quote(orig));
            String unit = s.substring(0, u);
            s = s.substring(u);
            long unitNanos = unitNanos(unit);
            if (unitNanos < 0) {
                throw new IllegalArgumentException("time: unknown unit " + quote(unit) + " in duration " + quote(orig));
            }
            BigInteger part = new BigInteger(intPart.isEmpty() ? "0" : intPart).multiply(BigInteger.valueOf(unitNanos));
            if (dot && !frac.isEmpty()) {
                BigInteger scale = BigInteger.TEN.pow(frac.length());
                part = part.add(new BigInteger(frac).multiply(BigInteger.valueOf(unitNanos)).divide(scale));
            }
            total = total.add(part);
            if (total.compareTo(limit) > 0 || (!neg && total.equals(limit))) throw invalid(orig);
        }
        return neg ? total.negate().longValue() : total.longValue();
    }

    private static long unitNanos(String unit) {
        switch (unit) {
            case "ns": return 1L;
            case "us": case "\u00b5s": case "\u03bcs": return 1_000L;
            case "ms": return 1_000_000L;
            case "s": return 1_000_000_000L;
            case "m": return 60_000_000_000L;
            case "h": return 3_600_000_000_000L;
            default: return -1;
        }
    }

    private static IllegalArgumentException invalid(String orig) {
        return new IllegalArgumentException("time: invalid duration " + quote(orig));
    }

    /** The time package's quote: double quotes, non-printable bytes as \xNN. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    /** Go's Duration.String(), e.g. 10s, 1h0m0s, 1.5s, 300ms. */
    public static String format(long nanos) {
        if (nanos == 0) return "0s";
        boolean neg = nanos < 0;
        BigInteger u = BigInteger.valueOf(nanos).abs();
        StringBuilder out = new StringBuilder();
        if (u.compareTo(BigInteger.valueOf(1_000_000_000L)) < 0) {
            long v = u.longValue();
            String unit;
            long div;
            if (v < 1_000) { unit = "ns"; div = 1; }
            else if (v < 1_000_000) { unit = "\u00b5s"; div = 1_000; }
            else { unit = "ms"; div = 1_000_000; }
            out.append(fraction(v, div)).append(unit);
        } else {
            long v = u.longValue();
            long secNanos = v % 60_000_000_000L;
            long mins = v / 60_000_000_000L;
            out.append(fraction(secNanos, 1_000_000_000L)).append('s');
            if (mins > 0) {
                out.insert(0, (mins % 60) + "m");
                long hours = mins / 60;
                if (hours > 0) out.insert(0, hours + "h");
            }
        }
        return (neg ? "-" : "") + out;
    }

    private static String fraction(long v, long div) {
        long whole = v / div;
        long rem = v % div;
        if (rem == 0) return Long.toString(whole);
        String frac = String.format("%0" + Long.toString(div).length() + "d", rem).substring(1);
        frac = frac.replaceAll("0+$", "");
        return whole + "." + frac;
    }
}
