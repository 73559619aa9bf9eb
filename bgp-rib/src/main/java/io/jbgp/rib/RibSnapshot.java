package io.jbgp.rib;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.decision.Verdict;
import io.jbgp.rib.fib.FibRoute;
import io.jbgp.rib.table.Neighbor;
import io.jbgp.rib.table.Route;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, consistent copy of the RIB taken on the RIB executor, for "show" commands and
 * tests: every candidate of every prefix with its best flag and the reason it won or lost, the
 * forwarding table, and each neighbor's Adj-RIBs.
 *
 * @param routes     per family, the destinations in prefix order
 * @param forwarding the forwarding table, in prefix order
 * @param peers      the established neighbors by address
 */
public record RibSnapshot(Map<AddressFamily, List<DestinationView>> routes, Map<IpPrefix, FibRoute> forwarding,
                          Map<InetAddress, PeerView> peers) {
    public RibSnapshot {
        routes = Map.copyOf(routes);
        Objects.requireNonNull(forwarding, "forwarding");
        peers = Map.copyOf(peers);
    }

    /** The destinations of one family, in prefix order. */
    public List<DestinationView> routes(AddressFamily family) {
        return routes.getOrDefault(family, List.of());
    }

    /** The best path of every reachable prefix of a family. */
    public Map<IpPrefix, Route> bestPaths(AddressFamily family) {
        Map<IpPrefix, Route> out = new LinkedHashMap<>();
        for (DestinationView d : routes(family)) {
            d.best().ifPresent(r -> out.put(d.prefix(), r));
        }
        return out;
    }

    /**
     * One prefix of the routing table.
     *
     * @param prefix     the destination
     * @param candidates every path, best first
     */
    public record DestinationView(IpPrefix prefix, List<CandidateView> candidates) {
        public DestinationView {
            Objects.requireNonNull(prefix, "prefix");
            candidates = List.copyOf(candidates);
        }

        /** The best path, if the prefix has an eligible one. */
        public Optional<Route> best() {
            return candidates.stream().filter(CandidateView::best).map(CandidateView::route).findFirst();
        }
    }

    /**
     * One candidate path.
     *
     * @param route     the path
     * @param best      whether it is the best
     * @param multipath whether it is in the ECMP set
     * @param reason    for the best: why it beat the runner-up; for others: why they lost to the best
     */
    public record CandidateView(Route route, boolean best, boolean multipath, Optional<Verdict> reason) {
        public CandidateView {
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * One established neighbor.
     *
     * @param neighbor     who it is
     * @param adjRibInPre  what it sent, before import policy
     * @param adjRibInPost what import policy accepted
     * @param adjRibOut    what we advertise to it (after export)
     * @param importStatus a human status of its import side (e.g. the RFC 8212 default deny)
     * @param exportStatus a human status of its export side
     * @param feeding      whether a table walk towards it is still running
     */
    public record PeerView(Neighbor neighbor, Map<Nlri, AttributeSet> adjRibInPre, Map<Nlri, AttributeSet> adjRibInPost,
                           Map<IpPrefix, AttributeSet> adjRibOut, String importStatus, String exportStatus,
                           boolean feeding) {
        public PeerView {
            Objects.requireNonNull(neighbor, "neighbor");
            adjRibInPre = Map.copyOf(adjRibInPre);
            adjRibInPost = Map.copyOf(adjRibInPost);
            adjRibOut = Map.copyOf(adjRibOut);
            Objects.requireNonNull(importStatus, "importStatus");
            Objects.requireNonNull(exportStatus, "exportStatus");
        }
    }
}
