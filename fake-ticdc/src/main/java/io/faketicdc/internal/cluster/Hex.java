package io.faketicdc.internal.cluster;

/** Lower-case hex digits without a Formatter: IDs and hashes made for every fake. */
final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() { }

    /** Each value as 16 hex digits ({@code %016x}), one after the other. */
    static String of(long... values) {
        char[] c = new char[16 * values.length];
        for (int i = 0; i < values.length; i++) write(values[i], c, 16 * i);
        return new String(c);
    }

    /** The canonical 8-4-4-4-12 form of a UUID made of {@code hi} and {@code lo}. */
    static String uuid(long hi, long lo) {
        char[] c = new char[36];
        int p = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) c[p++] = '-';
            long v = i < 16 ? hi : lo;
            c[p++] = DIGITS[(int) (v >>> (60 - 4 * (i & 15))) & 0xf];
        }
        return new String(c);
    }

    private static void write(long v, char[] c, int at) {
        for (int i = 15; i >= 0; i--) {
            c[at + i] = DIGITS[(int) v & 0xf];
            v >>>= 4;
        }
    }
}
