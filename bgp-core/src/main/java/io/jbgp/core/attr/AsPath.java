package io.jbgp.core.attr;

import java.util.ArrayList;
import java.util.List;

/**
 * AS_PATH (RFC 4271 §5.1.2), type 2, well-known mandatory. Always held with 4-octet AS numbers;
 * the codec converts to and from the 2-octet form and merges AS4_PATH (RFC 6793 §4.2.3).
 * Caches what the decision process and loop checks ask for on every route, as OpenBGPD's
 * {@code struct aspath} does: path length, neighbor AS and origin AS.
 */
public final class AsPath implements PathAttribute {
    /**
     * The empty path: what an iBGP speaker sends for locally originated routes (RFC 4271 §5.1.2).
     */
    public static final AsPath EMPTY = new AsPath(List.of());

    private final List<AsPathSegment> segments;
    private final int length;
    private final long neighborAs;
    private final int hash;

    private AsPath(List<AsPathSegment> segments) {
        this.segments = List.copyOf(segments);
        int len = 0;
        for (AsPathSegment s : this.segments) {
            len += s.pathLength();
        }
        this.length = len;
        this.neighborAs = computeNeighborAs(this.segments);
        this.hash = this.segments.hashCode();
    }

    /**
     * A path from segments, left (nearest) to right (origin).
     *
     * @param segments the segments in wire order (copied)
     * @return the path; {@link #EMPTY} for an empty list
     */
    public static AsPath of(List<AsPathSegment> segments) {
        return segments.isEmpty() ? EMPTY : new AsPath(segments);
    }

    /**
     * A path from segments, left (nearest) to right (origin).
     *
     * @param segments the segments in wire order
     * @return the path; {@link #EMPTY} for none
     */
    public static AsPath of(AsPathSegment... segments) {
        return of(List.of(segments));
    }

    /**
     * A path of one AS_SEQUENCE (empty path for no ASes); long sequences are split at 255.
     *
     * @param asns the AS numbers, nearest first, each 0..2³²−1
     * @return the path
     */
    public static AsPath sequence(long... asns) {
        List<AsPathSegment> segs = new ArrayList<>();
        for (int i = 0; i < asns.length; i += AsPathSegment.MAX_LENGTH) {
            int n = Math.min(AsPathSegment.MAX_LENGTH, asns.length - i);
            long[] part = new long[n];
            System.arraycopy(asns, i, part, 0, n);
            segs.add(AsPathSegment.sequence(part));
        }
        return of(segs);
    }

    /** {@return the segments in wire order, immutable} */
    public List<AsPathSegment> segments() {
        return segments;
    }

    /** {@return true when the path has no segments (a route originated inside our AS)} */
    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /**
     * RFC 4271 §9.1.2.2 (a) length: sets count 1, confederation segments 0.
     *
     * @return the number of AS hops compared in the decision process
     */
    public int length() {
        return length;
    }

    /**
     * The neighbor AS (RFC 4271 §9.1.2.2 (c)): the first AS of a leading AS_SEQUENCE, skipping
     * confederation segments; 0 when there is none (locally originated or starts with a set).
     *
     * @return the neighbor AS number, or 0
     */
    public long neighborAs() {
        return neighborAs; // asked on every comparison of the decision process
    }

    private static long computeNeighborAs(List<AsPathSegment> segments) {
        for (AsPathSegment s : segments) {
            if (s.type().isConfederation()) {
                continue;
            }
            return s.type() == AsPathSegment.Type.AS_SEQUENCE ? s.asn(0) : 0;
        }
        return 0;
    }

    /**
     * The origin AS: the last AS of a trailing AS_SEQUENCE, 0 when none.
     *
     * @return the origin AS number, or 0
     */
    public long originAs() {
        if (segments.isEmpty()) {
            return 0;
        }
        AsPathSegment last = segments.get(segments.size() - 1);
        return last.type() == AsPathSegment.Type.AS_SEQUENCE ? last.asn(last.size() - 1) : 0;
    }

    /**
     * True when the AS appears anywhere in the path (loop detection, RFC 4271 §9.1.2).
     *
     * @param asn an AS number, 0..2³²−1
     * @return true when {@code asn} occurs in any segment, confederation segments included
     */
    public boolean containsAs(long asn) {
        // indexed: the RIB asks once per received path (AS loop check), and the list iterator
        // was not scalar-replaced there (43% of the bytes allocated by a full-table ingest)
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).contains(asn)) {
                return true;
            }
        }
        return false;
    }

    /**
     * This path with {@code asn} prepended {@code times} times to the leading AS_SEQUENCE.
     *
     * @param asn the AS to prepend, normally our own
     * @param times how many copies; 0 or less returns this path unchanged
     * @return a new path; a leading AS_SET or a full segment gets a new AS_SEQUENCE in front
     */
    public AsPath prepend(long asn, int times) {
        if (times <= 0) {
            return this;
        }
        List<AsPathSegment> out = new ArrayList<>(segments);
        long[] add = new long[times];
        java.util.Arrays.fill(add, asn);
        if (!out.isEmpty() && out.get(0).type() == AsPathSegment.Type.AS_SEQUENCE
                && out.get(0).size() + times <= AsPathSegment.MAX_LENGTH) {
            AsPathSegment first = out.get(0);
            long[] merged = new long[first.size() + times];
            System.arraycopy(add, 0, merged, 0, times);
            for (int i = 0; i < first.size(); i++) {
                merged[times + i] = first.asn(i);
            }
            out.set(0, AsPathSegment.sequence(merged));
        } else {
            out.add(0, AsPathSegment.sequence(add));
        }
        return of(out);
    }

    /**
     * Every AS, flattened in order (for JSON output and tests).
     *
     * @return a fresh array of AS numbers, left to right across segments
     */
    public long[] flatten() {
        int n = 0;
        for (AsPathSegment s : segments) {
            n += s.size();
        }
        long[] out = new long[n];
        int i = 0;
        for (AsPathSegment s : segments) {
            for (int j = 0; j < s.size(); j++) {
                out[i++] = s.asn(j);
            }
        }
        return out;
    }

    @Override
    public int typeCode() {
        return AS_PATH;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsPath p && p.hash == hash && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (AsPathSegment s : segments) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(s);
        }
        return sb.toString();
    }

}
