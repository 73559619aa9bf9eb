package io.jbgp.rib.out;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.table.Destination;
import io.jbgp.rib.table.LocRib;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Consumer;

/**
 * A resumable walk over the Loc-RIB for one neighbor: the initial table dump after the session
 * comes up, a re-send after ROUTE-REFRESH, or a re-export after an export policy change. Each
 * {@link #feed} call visits at most a chunk of prefixes and remembers the last key, so the RIB
 * executor can interleave other work and stop while the neighbor is not writable (OpenBGPD
 * {@code rib_dump_r} with {@code ctx_count}/{@code ctx_throttle}; BIRD {@code feed_event}).
 * Changes made between chunks are safe: export is idempotent and the walk always reads the
 * current table.
 */
public final class TableFeeder {

    private final List<AddressFamily> families;
    private final boolean endOfRib;
    private int familyIndex;
    private IpPrefix lastKey;

    /**
     * @param families the families to walk, in order
     * @param endOfRib whether End-of-RIB follows each family (the initial feed, RFC 4724)
     */
    public TableFeeder(List<AddressFamily> families, boolean endOfRib) {
        this.families = List.copyOf(families);
        this.endOfRib = endOfRib;
    }

    /** Whether End-of-RIB markers are due when a family is done. */
    public boolean sendsEndOfRib() {
        return endOfRib;
    }

    /**
     * Visits up to {@code chunk} destinations; {@code familyDone} hears each finished family.
     * Returns true when the whole walk is complete.
     */
    public boolean feed(LocRib rib, int chunk, Consumer<Destination> visit, Consumer<AddressFamily> familyDone) {
        int n = 0;
        while (familyIndex < families.size()) {
            AddressFamily f = families.get(familyIndex);
            NavigableMap<IpPrefix, Destination> t = rib.destinations(f);
            NavigableMap<IpPrefix, Destination> rest = lastKey == null ? t : t.tailMap(lastKey, false);
            for (Map.Entry<IpPrefix, Destination> e : rest.entrySet()) {
                if (n == chunk) {
                    return false;
                }
                visit.accept(e.getValue());
                lastKey = e.getKey();
                n++;
            }
            familyDone.accept(f);
            familyIndex++;
            lastKey = null;
        }
        return true;
    }

    public boolean isDone() {
        return familyIndex >= families.size();
    }
}
