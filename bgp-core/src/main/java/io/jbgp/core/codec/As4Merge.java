package io.jbgp.core.codec;

import io.jbgp.core.attr.Aggregator;
import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.AsPathSegment;
import io.jbgp.core.types.Asn;
import java.util.ArrayList;
import java.util.List;

/**
 * The 4-octet AS transition (RFC 6793 §4.2) for sessions with a peer that lacks the 4-octet AS
 * capability. Such a peer carries AS_TRANS (23456) in AS_PATH and AGGREGATOR where a number does
 * not fit two octets, and the real numbers in AS4_PATH and AS4_AGGREGATOR. The decoder merges them
 * back into one AS_PATH and AGGREGATOR ({@link #mergePath}, {@link #mergeAggregator}), so the rest
 * of the speaker only ever sees 4-octet paths; the encoder asks {@link #needsAs4Path} and
 * {@link #needsAs4Aggregator} to produce them again.
 */
final class As4Merge {
    private As4Merge() {}

    /**
     * RFC 6793 §4.2.3: when AS_PATH holds at least as many ASes as AS4_PATH, take as many ASes
     * from the front of AS_PATH as make up the difference and put them before AS4_PATH;
     * otherwise AS4_PATH is ignored. ASes are counted as for path length (a set counts one,
     * confederation segments none), as OpenBGPD's {@code aspath_merge} and FRR's
     * {@code aspath_reconcile_as4} do. A confederation segment is kept when it leads the path or
     * follows a segment taken from AS_PATH ("SHALL be prepended if it is either the leading path
     * segment or is adjacent to a path segment that is prepended").
     */
    static AsPath mergePath(AsPath asPath, AsPath as4Path) {
        int needed = asPath.length() - as4Path.length();
        if (needed < 0) {
            return asPath; // an OLD speaker aggregated or shortened the path: AS4_PATH is stale
        }
        List<AsPathSegment> out = new ArrayList<>(asPath.segments().size() + as4Path.segments().size());
        boolean cut = false; // the last segment taken is the front part of a longer sequence
        for (AsPathSegment s : asPath.segments()) {
            if (s.type().isConfederation()) {
                out.add(s);
                cut = false;
                continue;
            }
            if (needed == 0) {
                break;
            }
            if (s.type() == AsPathSegment.Type.AS_SET) {
                out.add(s);
                needed--;
                continue;
            }
            int take = Math.min(needed, s.size());
            if (take == s.size()) {
                out.add(s);
            } else {
                int[] part = new int[take];
                System.arraycopy(s.toIntArray(), 0, part, 0, take);
                out.add(AsPathSegment.wrap(AsPathSegment.Type.AS_SEQUENCE, part));
                cut = true;
            }
            needed -= take;
        }
        List<AsPathSegment> tail = as4Path.segments();
        int from = 0;
        if (cut && !tail.isEmpty() && tail.get(0).type() == AsPathSegment.Type.AS_SEQUENCE
                && out.get(out.size() - 1).size() + tail.get(0).size() <= AsPathSegment.MAX_LENGTH) {
            // the sender had one sequence: join its front (from AS_PATH) and the rest (from AS4_PATH)
            out.set(out.size() - 1, concat(out.get(out.size() - 1), tail.get(0)));
            from = 1;
        }
        out.addAll(tail.subList(from, tail.size()));
        return AsPath.of(out);
    }

    private static AsPathSegment concat(AsPathSegment a, AsPathSegment b) {
        int[] x = a.toIntArray();
        int[] y = b.toIntArray();
        int[] all = new int[x.length + y.length];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        return AsPathSegment.wrap(AsPathSegment.Type.AS_SEQUENCE, all);
    }

    /**
     * RFC 6793 §4.2.3: AS4_AGGREGATOR replaces AGGREGATOR only when AGGREGATOR holds AS_TRANS.
     * When it holds anything else, an OLD speaker aggregated the route, and both AS4_AGGREGATOR
     * and AS4_PATH must be ignored; this returns {@code null} to say so.
     */
    static Aggregator mergeAggregator(Aggregator aggregator, Aggregator as4Aggregator) {
        if (aggregator.asn().equals(Asn.AS_TRANS)) {
            return as4Aggregator == null ? aggregator : as4Aggregator;
        }
        return null;
    }

    /** RFC 6793 §4.2.2: AS4_PATH is sent when some AS in the path does not fit two octets. */
    static boolean needsAs4Path(AsPath path) {
        for (AsPathSegment s : path.segments()) {
            if (s.type().isConfederation()) {
                continue; // never carried in AS4_PATH
            }
            for (int i = 0; i < s.size(); i++) {
                if (s.asn(i) > 0xFFFF) {
                    return true;
                }
            }
        }
        return false;
    }

    /** RFC 6793 §4.2.2: AS4_AGGREGATOR is sent when the aggregator's AS does not fit two octets. */
    static boolean needsAs4Aggregator(Aggregator aggregator) {
        return aggregator.asn().isFourOctet();
    }
}
