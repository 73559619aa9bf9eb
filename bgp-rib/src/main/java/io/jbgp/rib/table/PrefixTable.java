package io.jbgp.rib.table;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A map from prefix to value for the per-neighbor tables that hold one entry per path (the
 * Adj-RIB-In, each Adj-RIB-Out) and the forwarding table. IPv4 prefixes, nearly all of a full
 * table, live in an open-addressing table (linear probing, backward-shift deletion) whose keys
 * are the prefix packed into a {@code long}: about 20 bytes per entry against about 45 for a
 * {@code HashMap} node, its bucket slot and the key object, and no prefix object retained per
 * neighbor (benchmarks/notes/ribmem.md). Other prefixes go to a {@code HashMap}. Iteration order
 * is unspecified; {@link #forEach} rebuilds IPv4 prefix objects. Values are never {@code null}.
 * Not thread-safe.
 *
 * @param <V> the value type
 */
public final class PrefixTable<V> {

    private static final int MIN_CAPACITY = 8;
    // The slots are split in segments of at most 2^SEGMENT_BITS, so that no array is a G1
    // "humongous" object (half a region or more, 1-2 MB on heaps of a few GB): a humongous
    // array takes whole regions, and a 2^20-slot table (8 MB + a 16-byte header) wasted most of
    // a third region per array, ~40 B per path of retained heap with 4 neighbors.
    private static final int SEGMENT_BITS = 16;

    private final int segmentBits;
    private final int segmentMask;

    private long[][] keys;     // 0 = free; see key()
    private Object[][] values;
    private int mask;          // capacity - 1
    private int ipv4Size;
    private Map<IpPrefix, V> others; // created on first non-IPv4 prefix

    /** An empty table. */
    public PrefixTable() {
        this(SEGMENT_BITS);
    }

    /** An empty table with segments of 2^{@code segmentBits} slots (tests use small ones). */
    PrefixTable(int segmentBits) {
        this.segmentBits = segmentBits;
        this.segmentMask = (1 << segmentBits) - 1;
        allocate(MIN_CAPACITY);
    }

    private void allocate(int capacity) {
        int segments = Math.max(1, capacity >>> segmentBits);
        int length = Math.min(capacity, 1 << segmentBits);
        keys = new long[segments][length];
        values = new Object[segments][length];
        mask = capacity - 1;
    }

    private long keyAt(int i) {
        return keys[i >>> segmentBits][i & segmentMask];
    }

    private Object valueAt(int i) {
        return values[i >>> segmentBits][i & segmentMask];
    }

    private void set(int i, long k, Object v) {
        keys[i >>> segmentBits][i & segmentMask] = k;
        values[i >>> segmentBits][i & segmentMask] = v;
    }

    /** Address and length in one non-zero word: bit 40 set, address in 39..8, length in 7..0. */
    private static long key(Ipv4Prefix p) {
        return 1L << 40 | (p.addr() & 0xFFFFFFFFL) << 8 | p.length();
    }

    private static Ipv4Prefix prefix(long key) {
        return Ipv4Prefix.of((int) (key >>> 8), (int) (key & 0xFF));
    }

    // murmur3's 64-bit finaliser: aligned prefixes differ only in a few middle bits
    private static int slot(long key, int mask) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    /** {@return the number of entries} */
    public int size() {
        return ipv4Size + (others == null ? 0 : others.size());
    }

    /**
     * The value for a prefix, or {@code null}.
     *
     * @param prefix the key
     * @return the value, or {@code null} when absent
     */
    @SuppressWarnings("unchecked")
    public V get(IpPrefix prefix) {
        if (!(prefix instanceof Ipv4Prefix p)) {
            return others == null ? null : others.get(prefix);
        }
        int i = find(key(p));
        return i < 0 ? null : (V) valueAt(i);
    }

    /**
     * Sets the value of a prefix.
     *
     * @param prefix the key
     * @param value the new value, not {@code null}
     * @return the previous value, or {@code null}
     */
    @SuppressWarnings("unchecked")
    public V put(IpPrefix prefix, V value) {
        if (value == null) {
            throw new IllegalArgumentException("put: null value for " + prefix);
        }
        if (!(prefix instanceof Ipv4Prefix p)) {
            if (others == null) {
                others = new HashMap<>();
            }
            return others.put(prefix, value);
        }
        long k = key(p);
        int i = slot(k, mask);
        for (long at = keyAt(i); at != 0; at = keyAt(i)) {
            if (at == k) {
                V old = (V) valueAt(i);
                set(i, k, value);
                return old;
            }
            i = (i + 1) & mask;
        }
        if (4 * (ipv4Size + 1) > 3 * (mask + 1)) { // load factor 3/4, as HashMap
            grow();
            insert(k, value);
        } else {
            set(i, k, value);
        }
        ipv4Size++;
        return null;
    }

    /**
     * Removes a prefix.
     *
     * @param prefix the key
     * @return the value it had, or {@code null} when absent
     */
    @SuppressWarnings("unchecked")
    public V remove(IpPrefix prefix) {
        if (!(prefix instanceof Ipv4Prefix p)) {
            return others == null ? null : others.remove(prefix);
        }
        int i = find(key(p));
        if (i < 0) {
            return null;
        }
        V old = (V) valueAt(i);
        // backward-shift deletion: move later entries of the probe run into the hole unless
        // their home slot lies cyclically in (hole, their position]
        for (int j = (i + 1) & mask; keyAt(j) != 0; j = (j + 1) & mask) {
            int home = slot(keyAt(j), mask);
            boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!stays) {
                set(i, keyAt(j), valueAt(j));
                i = j;
            }
        }
        set(i, 0, null);
        ipv4Size--;
        if (ipv4Size == 0 && mask + 1 > MIN_CAPACITY) {
            allocate(MIN_CAPACITY); // a neighbor that withdrew everything gives the memory back
        }
        return old;
    }

    /**
     * Calls {@code action} for every entry, in no particular order. The table must not change
     * during the walk.
     *
     * @param action called with each prefix and its value
     */
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super IpPrefix, ? super V> action) {
        for (int i = 0; i <= mask; i++) {
            long k = keyAt(i);
            if (k != 0) {
                action.accept(prefix(k), (V) valueAt(i));
            }
        }
        if (others != null) {
            others.forEach(action);
        }
    }

    private int find(long k) {
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            long at = keyAt(i);
            if (at == k) {
                return i;
            }
            if (at == 0) {
                return -1;
            }
        }
    }

    private void insert(long k, Object v) {
        int i = slot(k, mask);
        while (keyAt(i) != 0) {
            i = (i + 1) & mask;
        }
        set(i, k, v);
    }

    private void grow() {
        long[][] oldKeys = keys;
        Object[][] oldValues = values;
        allocate((mask + 1) * 2);
        for (int s = 0; s < oldKeys.length; s++) {
            for (int i = 0; i < oldKeys[s].length; i++) {
                if (oldKeys[s][i] != 0) {
                    insert(oldKeys[s][i], oldValues[s][i]);
                }
            }
        }
    }
}
