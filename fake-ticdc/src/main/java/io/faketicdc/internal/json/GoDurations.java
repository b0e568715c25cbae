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
        BigInteger limit = BigInteger.ONE.shiftLeft(63);
        BigInteger total = BigInteger.ZERO;
        while (!s.isEmpty()) {
            char first = s.charAt(0);
            if (first != '.' && !isDigit(first)) throw invalid(orig);
            // leading integer; more than 2^63 is an error before the unit is even looked at
            int i = 0;
            BigInteger whole = BigInteger.ZERO;
            while (i < s.length() && isDigit(s.charAt(i))) {
                whole = whole.multiply(BigInteger.TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
                if (whole.compareTo(limit) > 0) throw invalid(orig);
                i++;
            }
            boolean pre = i > 0;
            s = s.substring(i);
            // fraction: digits accumulate while they fit, then only get skipped
            long frac = 0;
            double scale = 1;
            boolean post = false;
            if (!s.isEmpty() && s.charAt(0) == '.') {
                s = s.substring(1);
                int j = 0;
                boolean overflow = false;
                while (j < s.length() && isDigit(s.charAt(j))) {
                    if (!overflow) {
                        if (Long.compareUnsigned(frac, Long.MAX_VALUE / 10) > 0) {
                            overflow = true;
                        } else {
                            long y = frac * 10 + (s.charAt(j) - '0');
                            if (Long.compareUnsigned(y, Long.MIN_VALUE) > 0) {
                                overflow = true;
                            } else {
                                frac = y;
                                scale *= 10;
                            }
                        }
                    }
                    j++;
                }
                post = j > 0;
                s = s.substring(j);
            }
            if (!pre && !post) throw invalid(orig);
            int u = 0;
            while (u < s.length() && s.charAt(u) != '.' && !isDigit(s.charAt(u))) u++;
            if (u == 0) throw new IllegalArgumentException("time: missing unit in duration " + quote(orig));
            String unit = s.substring(0, u);
            s = s.substring(u);
            long unitNanos = unitNanos(unit);
            if (unitNanos < 0) {
                throw new IllegalArgumentException("time: unknown unit " + quote(unit) + " in duration " + quote(orig));
            }
            if (whole.compareTo(limit.divide(BigInteger.valueOf(unitNanos))) > 0) throw invalid(orig);
            BigInteger v = whole.multiply(BigInteger.valueOf(unitNanos));
            if (frac != 0) {
                // Go computes the fraction in float64: uint64(float64(f) * (float64(unit) / scale))
                double f = frac < 0 ? 9.223372036854775808E18 : (double) frac;
                v = v.add(BigInteger.valueOf((long) (f * ((double) unitNanos / scale))));
                if (v.compareTo(limit) > 0) throw invalid(orig);
            }
            total = total.add(v);
            if (total.compareTo(limit) > 0) throw invalid(orig);
        }
        if (!neg && total.equals(limit)) throw invalid(orig);
        return neg ? total.negate().longValue() : total.longValue();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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

    /**
     * The time package's own quote: double quotes, {@code "} and {@code \\} escaped, and every
     * byte of a rune below U+0020 or above U+007F written as {@code \\xNN} (DEL stays raw).
     */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp >= 0x80) {
                for (byte x : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    b.append(String.format("\\x%02x", x & 0xff));
                }
            } else {
                if (cp == '"' || cp == '\\') b.append('\\');
                b.append((char) cp);
            }
        });
        return b.append('"').toString();
    }

    /** Go's Duration.String(), e.g. 10s, 1h0m0s, 1.5s, 300ms. */
    public static String format(long nanos) {
        if (nanos == 0) return "0s";
        boolean neg = nanos < 0;
        // |MinInt64| does not fit a long; Go works on the uint64, so use the unsigned value
        long u = neg ? -nanos : nanos;
        StringBuilder out = new StringBuilder();
        if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
            long v = u;
            String unit;
            long div;
            if (v < 1_000) { unit = "ns"; div = 1; }
            else if (v < 1_000_000) { unit = "\u00b5s"; div = 1_000; }
            else { unit = "ms"; div = 1_000_000; }
            out.append(fraction(v, div)).append(unit);
        } else {
            long secNanos = Long.remainderUnsigned(u, 60_000_000_000L);
            long mins = Long.divideUnsigned(u, 60_000_000_000L);
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
