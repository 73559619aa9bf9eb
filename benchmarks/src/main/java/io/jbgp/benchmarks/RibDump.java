package io.jbgp.benchmarks;

import io.jbgp.core.mrt.MrtReader;
import io.jbgp.core.mrt.MrtRecord;
import io.jbgp.core.mrt.PeerIndexTable;
import io.jbgp.core.mrt.RibEntries;
import io.jbgp.core.mrt.RibEntry;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeInterner;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.decision.DecisionProcess;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real candidate sets: the paths per prefix of a TABLE_DUMP_V2 RIB dump, as Loc-RIB
 * {@link Route}s. The main input is {@value #FILE}, the first MiB of a RouteViews RIB with about
 * 30 paths per prefix from 35 peers.
 */
public final class RibDump {
    /** The RouteViews RIB dump of the shared data folder. */
    public static final String FILE = "rib.20140523.0600_firstMB.bz2";

    private RibDump() {
    }

    /**
     * The candidates of the first {@code limit} prefixes of {@value #FILE} (0: all), in the
     * dump's (peer index) order, attributes interned, eligibility as {@code decision} judges it
     * with every next hop reachable. Every collector peer is eBGP to us: {@code decision}'s
     * local AS should be one none of them has.
     */
    public static List<Candidates> load(int limit, DecisionProcess decision, AttributeInterner interner) {
        Path file = SharedData.mrt(FILE);
        List<Candidates> out = new ArrayList<>();
        PeerSource[] peers = null;
        try (MrtReader reader = new MrtReader(SharedData.open(file))) {
            while (reader.hasNext() && (limit == 0 || out.size() < limit)) {
                MrtRecord r = reader.next();
                if (r instanceof PeerIndexTable t) {
                    peers = new PeerSource[t.peers().size()];
                    for (int i = 0; i < peers.length; i++) {
                        PeerIndexTable.Peer p = t.peers().get(i);
                        peers[i] = new PeerSource(p.address(), p.bgpId(), p.asn(), true);
                    }
                } else if (r instanceof RibEntries e && peers != null) {
                    List<Route> routes = new ArrayList<>(e.entries().size());
                    for (RibEntry entry : e.entries()) {
                        PeerSource source = peers[entry.peerIndex()];
                        AttributeSet attrs = interner.intern(AttributeSet.of(entry.attributes(),
                                entry.nextHop().orElse(null)));
                        routes.add(new Route(source, entry.pathId(), attrs,
                                entry.originatedTime().getEpochSecond() * 1_000_000_000L,
                                decision.eligibility(source, attrs, true), 0));
                    }
                    out.add(new Candidates(e.prefix(), List.copyOf(routes)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The paths of one prefix.
     *
     * @param prefix the destination
     * @param routes its candidates, in the dump's order
     */
    public record Candidates(IpPrefix prefix, List<Route> routes) {
    }
}
