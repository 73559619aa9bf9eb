package io.jbgp.rib;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.decision.Verdict;
import io.jbgp.rib.fib.ForwardingTable;
import io.jbgp.rib.policy.PolicyResult;
import io.jbgp.rib.table.Destination;
import io.jbgp.rib.table.LocRib;
import io.jbgp.rib.table.Route;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Copies the live RIB into an immutable {@link RibSnapshot}; runs on the RIB executor. */
final class RibSnapshots {

    /** Re-runs the import side of one received path (policies are pure). */
    @FunctionalInterface
    interface ImportRun {
        PolicyResult apply(RibPeer peer, Nlri nlri, AttributeSet raw);
    }

    /** Re-runs the export chain of one best path towards one neighbor. */
    @FunctionalInterface
    interface ExportRun {
        PolicyResult apply(RibPeer peer, IpPrefix prefix, Route best);
    }

    private RibSnapshots() {
    }

    static RibSnapshot take(LocRib locRib, ForwardingTable fib, Collection<RibPeer> peers, ImportRun importRun,
                            ExportRun exportRun, boolean rfc8212) {
        Map<AddressFamily, List<RibSnapshot.DestinationView>> routes = new LinkedHashMap<>();
        for (AddressFamily f : List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)) {
            List<RibSnapshot.DestinationView> views = new ArrayList<>();
            for (Destination d : locRib.destinations(f).values()) {
                views.add(view(d));
            }
            routes.put(f, List.copyOf(views));
        }
        Map<InetAddress, RibSnapshot.PeerView> pv = new LinkedHashMap<>();
        for (RibPeer p : peers) {
            pv.put(p.neighbor.address(), view(p, locRib, importRun, exportRun, rfc8212));
        }
        return new RibSnapshot(routes, fib.snapshot(), pv);
    }

    private static RibSnapshot.DestinationView view(Destination d) {
        List<Verdict> reasons = d.reasons();
        // candidates() ranks, best() and multipath() look up: once per destination, not per candidate
        List<Route> ranked = d.candidates();
        Route best = d.best();
        List<Route> multipath = d.multipath();
        List<RibSnapshot.CandidateView> cands = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            Route r = ranked.get(i);
            cands.add(new RibSnapshot.CandidateView(r, r == best, multipath.contains(r),
                    i < reasons.size() ? Optional.of(reasons.get(i)) : Optional.empty()));
        }
        return new RibSnapshot.DestinationView(d.prefix(), cands);
    }

    private static RibSnapshot.PeerView view(RibPeer p, LocRib locRib, ImportRun importRun, ExportRun exportRun,
                                             boolean rfc8212) {
        Map<Nlri, AttributeSet> pre = new LinkedHashMap<>();
        Map<Nlri, AttributeSet> post = new LinkedHashMap<>();
        Map<IpPrefix, AttributeSet> out = new LinkedHashMap<>();
        for (AddressFamily f : p.families) {
            pre.putAll(p.in.prePolicy(f));
            post.putAll(p.in.postPolicy(f));
            out.putAll(p.out.advertised(f));
        }
        // the reasons are recomputed here rather than stored per prefix
        Map<Nlri, String> inRejected = new LinkedHashMap<>();
        pre.forEach((n, a) -> {
            if (!post.containsKey(n) && importRun.apply(p, n, a) instanceof PolicyResult.Reject r) {
                inRejected.put(n, r.reason());
            }
        });
        Map<IpPrefix, String> outRejected = new LinkedHashMap<>();
        for (AddressFamily f : p.families) {
            for (Destination d : locRib.destinations(f).values()) {
                if (d.best() != null && !out.containsKey(d.prefix())
                        && exportRun.apply(p, d.prefix(), d.best()) instanceof PolicyResult.Reject r) {
                    outRejected.put(d.prefix(), r.reason());
                }
            }
        }
        return new RibSnapshot.PeerView(p.neighbor, pre, post, out, p.importStatus(rfc8212), p.exportStatus(rfc8212),
                p.feeder != null, inRejected, outRejected);
    }
}
