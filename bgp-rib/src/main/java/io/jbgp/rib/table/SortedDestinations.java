package io.jbgp.rib.table;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * One family's destinations in prefix order, kept on demand: a sorted array plus the
 * destinations added and removed since it was last merged. An insert or a remove appends one
 * reference (O(1), no compare, no cache miss on other entries); the first walk after k of them
 * sorts the additions and merges them into the array in O(n + k log k) (O(k log n) when k is
 * small). A red-black tree did ~20 {@code compareTo} levels, each a likely cache miss, for every
 * new prefix: 17% of the RIB thread during a full-table ingest (benchmarks/notes/sorted.md), and
 * 40 B per prefix against 4 here.
 *
 * <p>Walks (the table feed to a new neighbor, show, snapshots) go through {@link #view()}, a
 * read-only {@link NavigableMap} that merges before each operation. Removals are found at merge
 * time by binary search, identified by reference, so a prefix removed and added again (a new
 * {@link Destination}) is never confused with its old self. Owned by the RIB executor; not
 * thread-safe.
 */
final class SortedDestinations {

    private static final Destination[] NONE = new Destination[0];
    private static final Comparator<Destination> BY_PREFIX = Comparator.comparing(Destination::prefix);
    private static final int INDEX_BITS = 23;
    private static final int INDEX_MASK = (1 << INDEX_BITS) - 1;

    private Destination[] sorted = NONE; // [0, sortedSize) ascending prefix, then spare nulls
    private int sortedSize;
    private Destination[] added = NONE; // [0, addedCount) in arrival order; may hold removed ones
    private int addedCount;
    private Destination[] removed = NONE; // [0, removedCount), still in sorted or added
    private int removedCount;
    private int live; // destinations added and not removed
    private int modCount; // structural changes, for fail-fast iterators as TreeMap's
    private final NavigableMap<IpPrefix, Destination> view = new View(this, null, false, null, false);

    /** Records a new destination; its prefix must not have another live destination. */
    void add(Destination d) {
        if (addedCount == added.length) {
            added = Arrays.copyOf(added, Math.max(16, addedCount + (addedCount >> 1)));
        }
        added[addedCount++] = d;
        live++;
        modCount++;
    }

    /** Records that a destination left the table (it is empty and will never be reused). */
    void remove(Destination d) {
        if (removedCount == removed.length) {
            removed = Arrays.copyOf(removed, Math.max(16, removedCount + (removedCount >> 1)));
        }
        removed[removedCount++] = d;
        live--;
        modCount++;
        // bound the garbage (removed ones still referenced) to about half the live entries, so
        // flapping prefixes without any walk cannot grow memory; amortised O(log n) per removal
        if (removedCount > (live >> 1) + 1024) {
            merge();
        }
    }

    /** {@return the live destination count} */
    int size() {
        return live;
    }

    /** {@return a live, read-only, sorted view} */
    NavigableMap<IpPrefix, Destination> view() {
        return view;
    }

    /**
     * The live destinations in ascending prefix order, in {@code [0, size())} of the returned
     * array (spare room after); do not modify.
     *
     * @return the array, valid until the next change
     */
    Destination[] sorted() {
        if (addedCount != 0 || removedCount != 0) {
            merge();
        }
        return sorted;
    }

    private void merge() {
        Destination[] main = sorted;
        int n = sortedSize;
        // the additions still live; one added and removed since the last merge is empty
        // (LocRib drops a destination only when its last path goes, and never reuses it)
        Destination[] adds = new Destination[addedCount];
        int k = 0;
        for (int i = 0; i < addedCount; i++) {
            if (!added[i].isEmpty()) {
                adds[k++] = added[i];
            }
        }
        sortByPrefix(adds, k);
        // find the removed ones in the old array (by prefix, then by reference) before any slot
        // is cleared, since the binary searches need every slot filled
        int[] gone = new int[removedCount];
        int g = 0;
        for (int i = 0; i < removedCount; i++) {
            int at = find(main, 0, n, removed[i].prefix());
            if (at >= 0 && main[at] == removed[i]) {
                gone[g++] = at;
            }
        }
        // few additions: binary-search each insertion point; many: one linear merge
        int[] insertAt = null;
        boolean bySearch = (long) k * (33 - Integer.numberOfLeadingZeros(n)) < n;
        if (bySearch) {
            insertAt = new int[k];
            for (int j = 0; j < k; j++) {
                // found only when the prefix was removed and came back: its old slot is
                // about to be cleared, so the new one goes right there
                int at = find(main, 0, n, adds[j].prefix());
                insertAt[j] = at >= 0 ? at : -at - 1;
            }
        }
        int size = n - g + k;
        int o = 0;
        int i = 0;
        Destination[] out;
        if (bySearch && size <= main.length && size >= main.length >> 2) { // shrink when mostly empty
            out = main;
            o = mergeInPlace(main, n, gone, g, adds, insertAt, k);
        } else if (bySearch) {
            out = new Destination[size + (size >> 3)];
            // the runs between insertion points and removed slots move with System.arraycopy:
            // a reference store per entry costs a GC write barrier each, and a table-feed step
            // after a few new prefixes would pay that for the whole table (15 ms at 528k)
            Arrays.sort(gone, 0, g);
            int j = 0;
            int r = 0;
            while (j < k || r < g) {
                int insert = j < k ? insertAt[j] : Integer.MAX_VALUE;
                int skip = r < g ? gone[r] : Integer.MAX_VALUE;
                int stop = Math.min(insert, skip);
                System.arraycopy(main, i, out, o, stop - i);
                o += stop - i;
                i = stop;
                if (insert <= skip) { // a prefix back again goes right before its old slot
                    out[o++] = adds[j++];
                } else {
                    i++;
                    r++;
                }
            }
            System.arraycopy(main, i, out, o, n - i);
            o += n - i;
        } else {
            out = new Destination[size + (size >> 3)];
            // in place: an iterator still on this array fails on the modification that led here
            for (int x = 0; x < g; x++) {
                main[gone[x]] = null;
            }
            int j = 0;
            while (i < n && j < k) {
                if (main[i] == null) {
                    i++;
                } else if (main[i].prefix().compareTo(adds[j].prefix()) < 0) {
                    out[o++] = main[i++];
                } else {
                    out[o++] = adds[j++];
                }
            }
            o = copyFilled(main, i, n, out, o);
            while (j < k) {
                out[o++] = adds[j++];
            }
        }
        if (o != live) {
            throw new IllegalStateException("sorted index out of step: " + o + " merged, " + live + " live");
        }
        sorted = out;
        sortedSize = o;
        Arrays.fill(added, 0, addedCount, null);
        Arrays.fill(removed, 0, removedCount, null);
        addedCount = 0;
        removedCount = 0;
        // a burst that is over should not keep its buffers: keep them only while small
        if (added.length > 4096) {
            added = NONE;
        }
        if (removed.length > 4096) {
            removed = NONE;
        }
    }

    /**
     * Sorts {@code a[0, k)} by prefix. IPv4 prefixes are sorted as primitive keys (address and
     * length packed with the index, {@link Arrays#sort(long[])}): a comparator sort of a full
     * table reads two scattered objects per comparison, ~20 comparisons per prefix, and took
     * longer than the tree inserts it replaces (benchmarks/notes/sorted.md).
     */
    private static void sortByPrefix(Destination[] a, int k) {
        if (k < 2) {
            return;
        }
        if (k <= INDEX_MASK + 1) {
            long[] keys = new long[k];
            int i = 0;
            for (; i < k && a[i].prefix() instanceof Ipv4Prefix p; i++) {
                // 32 bits of address (unsigned), 8 of length, 23 of index: 63 bits, never negative,
                // so signed order is prefix order (IpPrefix.compareTo) and ties cannot happen
                keys[i] = ((p.addr() & 0xFFFFFFFFL) << 8 | p.length()) << INDEX_BITS | i;
            }
            if (i == k) {
                Arrays.sort(keys);
                Destination[] copy = Arrays.copyOf(a, k);
                for (int j = 0; j < k; j++) {
                    a[j] = copy[(int) (keys[j] & INDEX_MASK)];
                }
                return;
            }
        }
        Arrays.sort(a, 0, k, BY_PREFIX);
    }

    /**
     * The merge of a few changes into an array with room for them, without allocating: a new
     * array per table-feed step (a few new prefixes between chunks) is a 2 MB humongous
     * allocation in G1 at a full table, which cost 5–16 ms per step against ~1 ms in place.
     * First the removed slots are squeezed out (forward), then the additions are inserted
     * (backward); both move runs with System.arraycopy.
     */
    private static int mergeInPlace(Destination[] a, int n, int[] gone, int g, Destination[] adds, int[] insertAt,
            int k) {
        int size = n;
        if (g > 0) {
            Arrays.sort(gone, 0, g);
            int w = gone[0];
            for (int r = 0; r < g; r++) {
                int from = gone[r] + 1;
                int to = r + 1 < g ? gone[r + 1] : n;
                System.arraycopy(a, from, a, w, to - from);
                w += to - from;
            }
            size = n - g;
            Arrays.fill(a, size, n, null);
            // an insertion point moves left by the removed slots before it; a prefix back again
            // was to go right before its old slot, which is now where the next entry is
            int r = 0;
            for (int j = 0; j < k; j++) {
                while (r < g && gone[r] < insertAt[j]) {
                    r++;
                }
                insertAt[j] -= r;
            }
        }
        int src = size; // entries [insertAt[j], src) move right by the additions left to place
        int dst = size + k;
        for (int j = k - 1; j >= 0; j--) {
            int len = src - insertAt[j];
            dst -= len;
            System.arraycopy(a, insertAt[j], a, dst, len);
            src = insertAt[j];
            a[--dst] = adds[j];
        }
        return size + k;
    }

    private static int copyFilled(Destination[] from, int start, int end, Destination[] to, int o) {
        for (int i = start; i < end; i++) {
            if (from[i] != null) {
                to[o++] = from[i];
            }
        }
        return o;
    }

    /** Binary search by prefix in {@code a[from, to)}: the index, or {@code -(insertion point) - 1}. */
    private static int find(Destination[] a, int from, int to, IpPrefix key) {
        int lo = from;
        int hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = a[mid].prefix().compareTo(key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** The first index whose prefix is {@code >= key} ({@code > key} when not inclusive). */
    private static int ceilingIndex(Destination[] a, int n, IpPrefix key, boolean inclusive) {
        int at = find(a, 0, n, key);
        return at >= 0 ? (inclusive ? at : at + 1) : -at - 1;
    }

    /**
     * A read-only range of the index as a {@link NavigableMap}, bounded by keys (not indexes), so
     * it stays valid across merges like a {@link TreeMap} sub-map. Each operation merges first.
     * The descending views are built as sorted copies when asked for (nothing in the project
     * walks backwards), so they are snapshots rather than live.
     */
    private static final class View extends AbstractMap<IpPrefix, Destination>
            implements NavigableMap<IpPrefix, Destination> {

        private final SortedDestinations index;
        private final IpPrefix lo; // null: unbounded
        private final boolean loInclusive;
        private final IpPrefix hi; // null: unbounded
        private final boolean hiInclusive;

        View(SortedDestinations index, IpPrefix lo, boolean loInclusive, IpPrefix hi, boolean hiInclusive) {
            this.index = index;
            this.lo = lo;
            this.loInclusive = loInclusive;
            this.hi = hi;
            this.hiInclusive = hiInclusive;
        }

        private int from(Destination[] a) {
            return lo == null ? 0 : ceilingIndex(a, index.sortedSize, lo, loInclusive);
        }

        private int to(Destination[] a, int from) {
            return hi == null ? index.sortedSize : Math.max(from, ceilingIndex(a, index.sortedSize, hi, !hiInclusive));
        }

        private boolean tooLow(IpPrefix p) {
            if (lo == null) {
                return false;
            }
            int c = p.compareTo(lo);
            return c < 0 || (c == 0 && !loInclusive);
        }

        private boolean tooHigh(IpPrefix p) {
            if (hi == null) {
                return false;
            }
            int c = p.compareTo(hi);
            return c > 0 || (c == 0 && !hiInclusive);
        }

        private boolean inRange(IpPrefix p) {
            return !tooLow(p) && !tooHigh(p);
        }

        private static Entry<IpPrefix, Destination> entry(Destination d) {
            return d == null ? null : new SimpleImmutableEntry<>(d.prefix(), d);
        }

        private static IpPrefix key(Destination d) {
            return d == null ? null : d.prefix();
        }

        @Override
        public int size() {
            Destination[] a = index.sorted();
            int f = from(a);
            return to(a, f) - f;
        }

        @Override
        public boolean isEmpty() {
            return size() == 0;
        }

        @Override
        public Destination get(Object key) {
            if (!(key instanceof IpPrefix p) || !inRange(p)) {
                return null;
            }
            Destination[] a = index.sorted();
            int at = find(a, 0, index.sortedSize, p);
            return at >= 0 ? a[at] : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public void forEach(BiConsumer<? super IpPrefix, ? super Destination> action) {
            Objects.requireNonNull(action, "action");
            Destination[] a = index.sorted();
            int expected = index.modCount;
            int f = from(a);
            int t = to(a, f);
            for (int i = f; i < t; i++) {
                action.accept(a[i].prefix(), a[i]);
                if (index.modCount != expected) {
                    throw new ConcurrentModificationException();
                }
            }
        }

        @Override
        public Set<Entry<IpPrefix, Destination>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<IpPrefix, Destination>> iterator() {
                    Destination[] a = index.sorted();
                    int f = from(a);
                    int t = to(a, f);
                    int expected = index.modCount;
                    return new Iterator<>() {
                        private int i = f;

                        @Override
                        public boolean hasNext() {
                            return i < t;
                        }

                        @Override
                        public Entry<IpPrefix, Destination> next() {
                            if (index.modCount != expected) {
                                throw new ConcurrentModificationException();
                            }
                            if (i >= t) {
                                throw new NoSuchElementException();
                            }
                            return entry(a[i++]);
                        }
                    };
                }

                @Override
                public int size() {
                    return View.this.size();
                }
            };
        }

        // the entry at index i of the current array if it is inside this view, else null
        private Destination at(Destination[] a, int i) {
            if (i < 0 || i >= index.sortedSize) {
                return null;
            }
            Destination d = a[i];
            return inRange(d.prefix()) ? d : null;
        }

        private Destination ceiling(IpPrefix key, boolean inclusive) {
            Destination[] a = index.sorted();
            if (tooLow(key)) {
                return at(a, from(a));
            }
            return at(a, ceilingIndex(a, index.sortedSize, key, inclusive));
        }

        private Destination floor(IpPrefix key, boolean inclusive) {
            Destination[] a = index.sorted();
            if (tooHigh(key)) {
                int f = from(a);
                return at(a, to(a, f) - 1);
            }
            return at(a, ceilingIndex(a, index.sortedSize, key, !inclusive) - 1);
        }

        @Override
        public Entry<IpPrefix, Destination> lowerEntry(IpPrefix key) {
            return entry(floor(key, false));
        }

        @Override
        public IpPrefix lowerKey(IpPrefix key) {
            return key(floor(key, false));
        }

        @Override
        public Entry<IpPrefix, Destination> floorEntry(IpPrefix key) {
            return entry(floor(key, true));
        }

        @Override
        public IpPrefix floorKey(IpPrefix key) {
            return key(floor(key, true));
        }

        @Override
        public Entry<IpPrefix, Destination> ceilingEntry(IpPrefix key) {
            return entry(ceiling(key, true));
        }

        @Override
        public IpPrefix ceilingKey(IpPrefix key) {
            return key(ceiling(key, true));
        }

        @Override
        public Entry<IpPrefix, Destination> higherEntry(IpPrefix key) {
            return entry(ceiling(key, false));
        }

        @Override
        public IpPrefix higherKey(IpPrefix key) {
            return key(ceiling(key, false));
        }

        private Destination first() {
            Destination[] a = index.sorted();
            int f = from(a);
            return f < to(a, f) ? a[f] : null;
        }

        private Destination last() {
            Destination[] a = index.sorted();
            int f = from(a);
            int t = to(a, f);
            return f < t ? a[t - 1] : null;
        }

        @Override
        public Entry<IpPrefix, Destination> firstEntry() {
            return entry(first());
        }

        @Override
        public Entry<IpPrefix, Destination> lastEntry() {
            return entry(last());
        }

        @Override
        public IpPrefix firstKey() {
            Destination d = first();
            if (d == null) {
                throw new NoSuchElementException();
            }
            return d.prefix();
        }

        @Override
        public IpPrefix lastKey() {
            Destination d = last();
            if (d == null) {
                throw new NoSuchElementException();
            }
            return d.prefix();
        }

        @Override
        public Entry<IpPrefix, Destination> pollFirstEntry() {
            throw new UnsupportedOperationException("read-only view");
        }

        @Override
        public Entry<IpPrefix, Destination> pollLastEntry() {
            throw new UnsupportedOperationException("read-only view");
        }

        @Override
        public NavigableMap<IpPrefix, Destination> descendingMap() {
            return Collections.unmodifiableNavigableMap(new TreeMap<>(this)).descendingMap();
        }

        @Override
        public NavigableSet<IpPrefix> navigableKeySet() {
            return Collections.unmodifiableNavigableMap(new TreeMap<>(this)).navigableKeySet();
        }

        @Override
        public NavigableSet<IpPrefix> descendingKeySet() {
            return descendingMap().navigableKeySet();
        }

        @Override
        public NavigableMap<IpPrefix, Destination> subMap(IpPrefix fromKey, boolean fromInclusive, IpPrefix toKey,
                boolean toInclusive) {
            if (fromKey.compareTo(toKey) > 0) {
                throw new IllegalArgumentException("fromKey > toKey");
            }
            return range(Objects.requireNonNull(fromKey), fromInclusive, Objects.requireNonNull(toKey), toInclusive);
        }

        @Override
        public NavigableMap<IpPrefix, Destination> headMap(IpPrefix toKey, boolean inclusive) {
            return range(null, false, Objects.requireNonNull(toKey), inclusive);
        }

        @Override
        public NavigableMap<IpPrefix, Destination> tailMap(IpPrefix fromKey, boolean inclusive) {
            return range(Objects.requireNonNull(fromKey), inclusive, null, false);
        }

        // as TreeMap's sub-maps: a new bound must lie inside this view's range
        private View range(IpPrefix newLo, boolean newLoInclusive, IpPrefix newHi, boolean newHiInclusive) {
            IpPrefix l = lo;
            boolean li = loInclusive;
            if (newLo != null) {
                if (outside(newLo, newLoInclusive)) {
                    throw new IllegalArgumentException("fromKey out of range");
                }
                l = newLo;
                li = newLoInclusive;
            }
            IpPrefix h = hi;
            boolean hinc = hiInclusive;
            if (newHi != null) {
                if (outside(newHi, newHiInclusive)) {
                    throw new IllegalArgumentException("toKey out of range");
                }
                h = newHi;
                hinc = newHiInclusive;
            }
            return new View(index, l, li, h, hinc);
        }

        // a bound is outside when it lies beyond this view's bounds (an exclusive bound may
        // equal an exclusive bound of ours, as TreeMap allows)
        private boolean outside(IpPrefix key, boolean inclusive) {
            if (lo != null) {
                int c = key.compareTo(lo);
                if (c < 0 || (c == 0 && !loInclusive && inclusive)) {
                    return true;
                }
            }
            if (hi != null) {
                int c = key.compareTo(hi);
                return c > 0 || (c == 0 && !hiInclusive && inclusive);
            }
            return false;
        }

        @Override
        public NavigableMap<IpPrefix, Destination> subMap(IpPrefix fromKey, IpPrefix toKey) {
            return subMap(fromKey, true, toKey, false);
        }

        @Override
        public NavigableMap<IpPrefix, Destination> headMap(IpPrefix toKey) {
            return headMap(toKey, false);
        }

        @Override
        public NavigableMap<IpPrefix, Destination> tailMap(IpPrefix fromKey) {
            return tailMap(fromKey, true);
        }

        @Override
        public Comparator<? super IpPrefix> comparator() {
            return null; // natural order, as the TreeMap it replaces
        }
    }
}
