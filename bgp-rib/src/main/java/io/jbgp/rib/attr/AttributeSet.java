package io.jbgp.rib.attr;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.ClusterList;
import io.jbgp.core.attr.Communities;
import io.jbgp.core.attr.ExtendedCommunities;
import io.jbgp.core.attr.LargeCommunities;
import io.jbgp.core.attr.LocalPref;
import io.jbgp.core.attr.MultiExitDisc;
import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.OriginatorId;
import io.jbgp.core.attr.PathAttribute;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.types.RouterId;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The path attributes of one route in the form the RIB works with: the fields the decision
 * process and export read as plain fields, every other attribute kept sorted by type code
 * (OpenBGPD {@code others[]}), and the communities in a separately interned {@link CommunitySet}.
 *
 * <p>A final class rather than a record so that the hash is computed once: instances are interned
 * ({@link AttributeInterner}) and used as hash keys in Adj-RIB-Out update buckets. Equality is
 * deep, so interning is an optimisation, never a correctness requirement.
 *
 * <p>The BGP next hop is stored as an address of either family (NEXT_HOP for IPv4 unicast,
 * MP_REACH_NLRI's next hop for IPv6, RFC 4760 §3); {@code null} means "this speaker" and is only
 * used by locally originated routes. MED and LOCAL_PREF use -1 for "absent" to keep the hot
 * fields primitive.
 */
public final class AttributeSet {

    /** Marker for an absent MED or LOCAL_PREF. */
    public static final long ABSENT = -1;

    private final Origin origin;
    private final AsPath asPath;
    private final InetAddress nextHop;
    private final long med;
    private final long localPref;
    private final CommunitySet communities;
    private final List<PathAttribute> others;
    private final int hash;
    // ORIGINATOR_ID or CLUSTER_LIST present: the decision process's key asks on every path it
    // receives, and scanning `others` costs cache misses (fits in the object's padding)
    private final boolean reflected;

    private AttributeSet(Origin origin, AsPath asPath, InetAddress nextHop, long med, long localPref,
                         CommunitySet communities, List<PathAttribute> others) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.asPath = Objects.requireNonNull(asPath, "asPath");
        this.nextHop = nextHop;
        this.med = med;
        this.localPref = localPref;
        this.communities = Objects.requireNonNull(communities, "communities");
        this.others = others;
        this.hash = Objects.hash(origin, asPath, nextHop, med, localPref, communities, others);
        this.reflected = find(PathAttribute.ORIGINATOR_ID) != null || find(PathAttribute.CLUSTER_LIST) != null;
    }

    // a copy of a set whose hash is known (only a field equal in value differs)
    private AttributeSet(Origin origin, AsPath asPath, InetAddress nextHop, long med, long localPref,
                         CommunitySet communities, List<PathAttribute> others, int hash) {
        this.origin = origin;
        this.asPath = asPath;
        this.nextHop = nextHop;
        this.med = med;
        this.localPref = localPref;
        this.communities = communities;
        this.others = others;
        this.hash = hash;
        this.reflected = find(PathAttribute.ORIGINATOR_ID) != null || find(PathAttribute.CLUSTER_LIST) != null;
    }

    /** {@return a builder starting from ORIGIN IGP, an empty AS path and nothing else} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The RIB form of decoded attributes. {@code nextHop} overrides NEXT_HOP; pass the
     * MP_REACH_NLRI next hop for non-IPv4 families, or {@code null} to use NEXT_HOP.
     *
     * @param attributes the decoded path attributes
     * @param nextHop the next hop to use, or {@code null} to take NEXT_HOP from {@code attributes}
     * @return a set that is not yet interned
     */
    public static AttributeSet of(PathAttributes attributes, InetAddress nextHop) {
        Builder b = builder();
        List<io.jbgp.core.attr.Community> std = List.of();
        List<io.jbgp.core.attr.ExtendedCommunity> ext = List.of();
        List<io.jbgp.core.attr.LargeCommunity> large = List.of();
        for (PathAttribute a : attributes) {
            if (a instanceof Origin o) {
                b.origin(o);
            } else if (a instanceof AsPath p) {
                b.asPath(p);
            } else if (a instanceof NextHop n) {
                b.nextHop(n.toInetAddress());
            } else if (a instanceof MultiExitDisc m) {
                b.med(m.value());
            } else if (a instanceof LocalPref l) {
                b.localPref(l.value());
            } else if (a instanceof Communities c) {
                std = c.communities();
            } else if (a instanceof ExtendedCommunities c) {
                ext = c.communities();
            } else if (a instanceof LargeCommunities c) {
                large = c.communities();
            } else {
                b.other(a);
            }
        }
        if (nextHop != null) {
            b.nextHop(nextHop);
        }
        return b.communities(CommunitySet.of(std, ext, large)).build();
    }

    /** {@return the ORIGIN} */
    public Origin origin() {
        return origin;
    }

    /** {@return the AS_PATH; {@link AsPath#EMPTY} for a route originated in our AS} */
    public AsPath asPath() {
        return asPath;
    }

    /** {@return the BGP next hop; {@code null} for a locally originated route ("self")} */
    public InetAddress nextHop() {
        return nextHop;
    }

    /**
     * {@return true when MULTI_EXIT_DISC is present (a missing MED compares as 0, RFC 4271 §9.1.2.2
     * (c))}
     */
    public boolean hasMed() {
        return med != ABSENT;
    }

    /** {@return the MED, or {@link #ABSENT}} */
    public long med() {
        return med;
    }

    /** {@return true when LOCAL_PREF is present} */
    public boolean hasLocalPref() {
        return localPref != ABSENT;
    }

    /** {@return the LOCAL_PREF, or {@link #ABSENT}} */
    public long localPref() {
        return localPref;
    }

    /** {@return the standard, extended and large communities, as one interned set} */
    public CommunitySet communities() {
        return communities;
    }

    /**
     * {@return every other attribute (ATOMIC_AGGREGATE, AGGREGATOR, ORIGINATOR_ID, …), sorted by
     * type code}
     */
    public List<PathAttribute> others() {
        return others;
    }

    /**
     * The attribute of this type among {@link #others()}, if present.
     *
     * @param typeCode an attribute type code, 0..255
     * @return the attribute, or empty
     */
    public Optional<PathAttribute> other(int typeCode) {
        for (PathAttribute a : others) {
            if (a.typeCode() == typeCode) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 4456 ORIGINATOR_ID, or {@code null}.
     *
     * @return the originator's router ID, or {@code null}
     */
    public RouterId originatorId() {
        // read by the decision process on most comparisons: no Optional, no iterator
        PathAttribute a = find(PathAttribute.ORIGINATOR_ID);
        return a == null ? null : ((OriginatorId) a).id();
    }

    /**
     * RFC 4456 CLUSTER_LIST, empty when absent.
     *
     * @return the cluster IDs, most recent first
     */
    public List<RouterId> clusterList() {
        PathAttribute a = find(PathAttribute.CLUSTER_LIST);
        return a == null ? List.of() : ((ClusterList) a).clusterIds();
    }

    /**
     * Whether ORIGINATOR_ID or CLUSTER_LIST is present (RFC 4456), without scanning the others.
     *
     * @return false when {@link #originatorId()} is null and {@link #clusterListLength()} is 0
     */
    public boolean hasReflectionAttributes() {
        return reflected;
    }

    /** {@return the number of cluster ids in CLUSTER_LIST (RFC 4456 §9 tie-break), 0 when absent} */
    public int clusterListLength() {
        PathAttribute a = find(PathAttribute.CLUSTER_LIST);
        return a == null ? 0 : ((ClusterList) a).clusterIds().size();
    }

    private PathAttribute find(int typeCode) {
        for (int i = 0; i < others.size(); i++) {
            PathAttribute a = others.get(i);
            if (a.typeCode() == typeCode) {
                return a;
            }
        }
        return null;
    }

    /** {@return a builder holding this set's values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.origin = origin;
        b.asPath = asPath;
        b.nextHop = nextHop;
        b.med = med;
        b.localPref = localPref;
        b.communities = communities;
        b.others.addAll(others);
        return b;
    }

    /**
     * This set with another community set (used by the interner).
     *
     * @param c the replacement community set
     * @return a new set; this one is unchanged
     */
    public AttributeSet withCommunities(CommunitySet c) {
        if (c.equals(communities)) {
            // the interner's case: an equal, canonical community set; the hash stays the same
            return new AttributeSet(origin, asPath, nextHop, med, localPref, c, others, hash);
        }
        return new AttributeSet(origin, asPath, nextHop, med, localPref, c, others);
    }

    /**
     * The wire attributes. NEXT_HOP is included only when {@code withNextHop} and the next hop
     * is IPv4 (for other families it travels in MP_REACH_NLRI, RFC 4760 §3).
     *
     * @param withNextHop whether to include the classic NEXT_HOP
     * @return the attributes as the codec writes them
     */
    public PathAttributes toPathAttributes(boolean withNextHop) {
        List<PathAttribute> out = new ArrayList<>(8 + others.size());
        out.add(origin);
        out.add(asPath);
        if (withNextHop && nextHop instanceof Inet4Address v4) {
            out.add(NextHop.of(v4));
        }
        if (hasMed()) {
            out.add(MultiExitDisc.of(med));
        }
        if (hasLocalPref()) {
            out.add(LocalPref.of(localPref));
        }
        out.addAll(communities.toAttributes());
        out.addAll(others);
        return PathAttributes.of(out);
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof AttributeSet a && a.hash == hash && a.med == med && a.localPref == localPref
                && a.origin == origin && a.asPath.equals(asPath) && Objects.equals(a.nextHop, nextHop)
                && a.communities.equals(communities) && a.others.equals(others);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{origin ").append(origin.symbol())
                .append(" aspath [").append(asPath).append(']')
                .append(" nexthop ").append(nextHop == null ? "self" : nextHop.getHostAddress());
        if (hasMed()) {
            sb.append(" med ").append(med);
        }
        if (hasLocalPref()) {
            sb.append(" localpref ").append(localPref);
        }
        if (!communities.isEmpty()) {
            sb.append(" communities [").append(communities).append(']');
        }
        for (PathAttribute a : others) {
            sb.append(' ').append(a);
        }
        return sb.append('}').toString();
    }

    /** Mutable builder; {@link #build()} returns a fresh (not yet interned) set. */
    public static final class Builder {
        private Origin origin = Origin.IGP;
        private AsPath asPath = AsPath.EMPTY;
        private InetAddress nextHop;
        private long med = ABSENT;
        private long localPref = ABSENT;
        private CommunitySet communities = CommunitySet.EMPTY;
        private final List<PathAttribute> others = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param v the ORIGIN
         * @return this builder
         */
        public Builder origin(Origin v) {
            origin = Objects.requireNonNull(v);
            return this;
        }

        /**
         * @param v the AS_PATH
         * @return this builder
         */
        public Builder asPath(AsPath v) {
            asPath = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets the BGP next hop; {@code null} means "self".
         *
         * @param v the next hop, or {@code null} for ourselves
         * @return this builder
         */
        public Builder nextHop(InetAddress v) {
            nextHop = v;
            return this;
        }

        /**
         * Sets the MED (0..2^32-1) or clears it with {@link AttributeSet#ABSENT}.
         *
         * @param v the MED, or {@link AttributeSet#ABSENT}
         * @return this builder
         */
        public Builder med(long v) {
            if (v != ABSENT) {
                MultiExitDisc.of(v);
            }
            med = v;
            return this;
        }

        /**
         * Sets LOCAL_PREF (0..2^32-1) or clears it with {@link AttributeSet#ABSENT}.
         *
         * @param v the LOCAL_PREF, or {@link AttributeSet#ABSENT}
         * @return this builder
         */
        public Builder localPref(long v) {
            if (v != ABSENT) {
                LocalPref.of(v);
            }
            localPref = v;
            return this;
        }

        /**
         * @param v the communities
         * @return this builder
         */
        public Builder communities(CommunitySet v) {
            communities = Objects.requireNonNull(v);
            return this;
        }

        /** {@return the community set so far} */
        public CommunitySet communities() {
            return communities;
        }

        /** {@return the AS_PATH set so far} */
        public AsPath asPath() {
            return asPath;
        }

        /**
         * Adds or replaces an attribute that has no field of its own.
         *
         * @param a an attribute without a dedicated field, e.g. AGGREGATOR or an unknown one
         * @return this builder
         */
        public Builder other(PathAttribute a) {
            int t = a.typeCode();
            if (t <= PathAttribute.LOCAL_PREF || t == PathAttribute.COMMUNITIES
                    || t == PathAttribute.EXTENDED_COMMUNITIES || t == PathAttribute.LARGE_COMMUNITY) {
                throw new IllegalArgumentException("attribute type " + t + " has its own field");
            }
            removeOther(t);
            others.add(a);
            return this;
        }

        /**
         * Removes the attribute of this type from the others, if present.
         *
         * @param typeCode the attribute type code, 0..255
         * @return this builder
         */
        public Builder removeOther(int typeCode) {
            others.removeIf(x -> x.typeCode() == typeCode);
            return this;
        }

        /**
         * {@return the set, not yet interned; pass it through {@link
         * AttributeInterner#intern(AttributeSet)}}
         */
        public AttributeSet build() {
            List<PathAttribute> sorted = new ArrayList<>(others);
            sorted.sort(Comparator.comparingInt(PathAttribute::typeCode));
            return new AttributeSet(origin, asPath, nextHop, med, localPref, communities, List.copyOf(sorted));
        }
    }
}
