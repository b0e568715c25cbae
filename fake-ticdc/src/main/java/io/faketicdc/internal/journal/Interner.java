package io.faketicdc.internal.journal;

import java.util.Arrays;
import java.util.Map;

/**
 * Shares equal bodies and header maps between journal records. A client polling one route gets
 * the same answer again and again; keeping one copy instead of thousands keeps a full journal
 * small, and a small live set is what keeps the garbage collector's per-request cost low.
 * Remembers a few recent distinct values by hash; a lost race only means a value is not shared.
 * The slots are a plain array: an entry is immutable (its fields final), so a thread reading a slot
 * another writes sees either entry whole, and a stale one only misses a chance to share.
 */
final class Interner {
    private static final int WAYS = 64;

    private record Entry(int hash, Object value) { }

    private final Entry[] bodies = new Entry[WAYS];
    private final Entry[] maps = new Entry[WAYS];

    /** An equal body seen recently, else this one (remembered). */
    byte[] body(byte[] body) {
        if (body == null || body.length == 0) return body;
        int h = hash(body);
        int i = Math.floorMod(h, WAYS);
        Entry known = bodies[i];
        if (known != null && known.hash() == h && Arrays.equals((byte[]) known.value(), body)) return (byte[]) known.value();
        bodies[i] = new Entry(h, body);
        return body;
    }

    /**
     * A body's hash: all of a small one; for a bigger one (a changefeed with its config, a list of
     * thousands) its length, both ends and a sample between. Equality is checked in full anyway
     * (a vectorized compare), so the hash only has to pick the slot and rule out most misses.
     */
    private static int hash(byte[] body) {
        if (body.length <= SAMPLED_ABOVE) return Arrays.hashCode(body);
        int h = body.length;
        for (int i = 0; i < EDGE; i++) h = 31 * h + body[i];
        for (int i = body.length - EDGE; i < body.length; i++) h = 31 * h + body[i];
        int step = (body.length - 2 * EDGE) / SAMPLES + 1;
        for (int i = EDGE; i < body.length - EDGE; i += step) h = 31 * h + body[i];
        return h;
    }

    private static final int SAMPLED_ABOVE = 512;
    private static final int EDGE = 64;
    private static final int SAMPLES = 128;

    /** An equal map seen recently, else this one (remembered). */
    @SuppressWarnings("unchecked")
    <K, V> Map<K, V> map(Map<K, V> map) {
        if (map == null || map.isEmpty()) return map;
        int h = map.hashCode();
        int i = Math.floorMod(h, WAYS);
        Entry known = maps[i];
        if (known != null && known.hash() == h && known.value().equals(map)) return (Map<K, V>) known.value();
        maps[i] = new Entry(h, map);
        return map;
    }
}
