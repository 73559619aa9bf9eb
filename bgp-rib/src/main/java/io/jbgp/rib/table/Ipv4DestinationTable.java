package io.jbgp.rib.table;

import io.jbgp.core.types.Ipv4Prefix;

/**
 * The IPv4 destinations of the Loc-RIB by prefix, for lookups only: an open-addressing hash
 * table (linear probing, backward-shift deletion) whose keys are the prefix packed into a
 * {@code long}. A {@code HashMap} lookup follows table → node → key object → value; here the key
 * compare reads the array itself, which saves two dependent cache misses per UPDATE on a
 * full table (benchmarks/README.md, Loc-RIB churn). Not thread-safe.
 */
final class Ipv4DestinationTable {

    private long[] keys = new long[16]; // 0 = free; see key()
    private Destination[] values = new Destination[16];
    private int size;

    /** Address and length in one non-zero word: bit 40 set, address in 39..8, length in 7..0. */
    private static long key(Ipv4Prefix p) {
        return 1L << 40 | (p.addr() & 0xFFFFFFFFL) << 8 | p.length();
    }

    // murmur3's 64-bit finaliser: aligned prefixes differ only in a few middle bits
    private int slot(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) h & (keys.length - 1);
    }

    int size() {
        return size;
    }

    Destination get(Ipv4Prefix prefix) {
        long k = key(prefix);
        int mask = keys.length - 1;
        for (int i = slot(k); ; i = (i + 1) & mask) {
            long at = keys[i];
            if (at == k) {
                return values[i];
            }
            if (at == 0) {
                return null;
            }
        }
    }

    /** Adds a destination for a prefix that is not in the table. */
    void add(Ipv4Prefix prefix, Destination d) {
        if (4 * (size + 1) > 3 * keys.length) { // load factor 3/4, as HashMap
            grow();
        }
        insert(key(prefix), d);
        size++;
    }

    private void insert(long k, Destination d) {
        int mask = keys.length - 1;
        int i = slot(k);
        while (keys[i] != 0) {
            if (keys[i] == k) {
                throw new IllegalStateException("duplicate prefix key " + Long.toHexString(k));
            }
            i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = d;
    }

    private void grow() {
        long[] oldKeys = keys;
        Destination[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Destination[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    /** Removes a prefix; returns whether it was there. */
    boolean remove(Ipv4Prefix prefix) {
        long k = key(prefix);
        int mask = keys.length - 1;
        int i = slot(k);
        while (keys[i] != k) {
            if (keys[i] == 0) {
                return false;
            }
            i = (i + 1) & mask;
        }
        // backward-shift deletion: move later entries of the probe run into the hole unless
        // their home slot lies cyclically in (hole, their position]
        for (int j = (i + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!stays) {
                keys[i] = keys[j];
                values[i] = values[j];
                i = j;
            }
        }
        keys[i] = 0;
        values[i] = null;
        size--;
        return true;
    }
}
