package io.jbgp.benchmarks;

import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.attr.AttributeInterner;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.table.Neighbor;
import io.jbgp.rib.table.PeerSource;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Neighbors that all send the same full table, each with its own view of it, so that a prefix has
 * one candidate per neighbor and the decision process has real work: as if the one recorded peer
 * sat behind {@code count} eBGP neighbors that prepend, set MEDs and get local-preferences from
 * our import policy differently.
 *
 * <p>Neighbor {@code i} (0-based) is 10.0.0.{i+2} with router id 10.0.{i+2}.1, in AS 65100 + i/2:
 * neighbors come in pairs sharing an AS, so MED is compared between the two of a pair (RFC 4271
 * §9.1.2.2 (c)). Its view of a recorded attribute set {@code s}: the AS path with its own AS
 * prepended 1 to 3 times, MED absent or 10, 20, 30, LOCAL_PREF 100 (200 for one set in 16) and
 * next hop its own address. The choice depends on the set's content and the neighbor only, never on the
 * prefix, so prefixes that shared an UPDATE keep sharing attributes per neighbor, as they would
 * on the wire, and interning sees the realistic number of distinct sets (one table's worth per
 * neighbor). The "changed" view (attribute-change churn) adds one prepend and 5 to the MED.
 *
 * <p>Addresses are in 10.0.0.0/24 and never leave the process; the RIB resolves them through a
 * connected 10.0.0.0/24 the benchmarks install.
 */
public final class SyntheticNeighbors {
    /** Our AS (every neighbor is eBGP). */
    public static final Asn LOCAL_AS = Asn.of(65001);
    /** Our router id. */
    public static final RouterId LOCAL_ID = RouterId.parse("10.255.0.1");
    /** The subnet every neighbor's next hop is on. */
    public static final IpPrefix LAN = IpPrefix.parse("10.0.0.0/24");
    /** Our address on {@link #LAN}. */
    public static final InetAddress LOCAL_ADDRESS = IpPrefix.parseAddress("10.0.0.1");

    private final int count;
    private final Neighbor[] neighbors;
    private final PeerSource[] sources;

    /** {@code count} neighbors, at most 250. */
    public SyntheticNeighbors(int count) {
        if (count < 1 || count > 250) {
            throw new IllegalArgumentException("neighbor count must be 1..250: " + count);
        }
        this.count = count;
        this.neighbors = new Neighbor[count];
        this.sources = new PeerSource[count];
        for (int i = 0; i < count; i++) {
            neighbors[i] = Neighbor.of(address(i), asn(i), RouterId.parse("10.0." + (i + 2) + ".1"), LOCAL_AS,
                    LOCAL_ADDRESS);
            sources[i] = neighbors[i].source();
        }
    }

    public int count() {
        return count;
    }

    /** Neighbor {@code i}'s address. */
    public static InetAddress address(int i) {
        return IpPrefix.parseAddress("10.0.0." + (i + 2));
    }

    /** Neighbor {@code i}'s AS: pairs of neighbors share one. */
    public static Asn asn(int i) {
        return Asn.of(65100 + i / 2);
    }

    public Neighbor neighbor(int i) {
        return neighbors[i];
    }

    public PeerSource source(int i) {
        return sources[i];
    }

    /**
     * Neighbor {@code i}'s view of a recorded set, interned.
     *
     * @param changed the attribute-change variant instead of the usual one
     */
    public AttributeSet view(int i, AttributeSet recorded, boolean changed, AttributeInterner interner) {
        int h = mix(contentHash(recorded) * 1_000_003 + i);
        int prepends = 1 + (h & 3) % 3 + (changed ? 1 : 0);
        int medStep = (h >>> 4) & 3;
        long med = medStep == 0 && !changed ? AttributeSet.ABSENT : medStep * 10L + (changed ? 5 : 0);
        long localPref = ((h >>> 8) & 15) == 0 ? 200 : 100;
        AttributeSet s = recorded.toBuilder()
                .asPath(recorded.asPath().prepend(asn(i).value(), prepends))
                .med(med)
                .localPref(localPref)
                .nextHop(neighbors[i].address())
                .build();
        return interner.intern(s);
    }

    /**
     * The views of every recorded set by every neighbor: {@code [neighbor][set]}.
     *
     * @param changed the attribute-change variant instead of the usual one
     */
    public AttributeSet[][] views(AttributeSet[] recorded, boolean changed, AttributeInterner interner) {
        AttributeSet[][] out = new AttributeSet[count][recorded.length];
        for (int i = 0; i < count; i++) {
            for (int s = 0; s < recorded.length; s++) {
                out[i][s] = view(i, recorded[s], changed, interner);
            }
        }
        return out;
    }

    /**
     * A hash of a set's AS path, ORIGIN and MED that is the same in every run (the sets' own hash
     * codes include enum identity hashes), so the views are reproducible.
     */
    static int contentHash(AttributeSet s) {
        return Arrays.hashCode(s.asPath().flatten()) * 31 * 31 + s.origin().code() * 31 + Long.hashCode(s.med());
    }

    /** A 32-bit finaliser (MurmurHash3 fmix32): a cheap, well-spread hash of the index. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
