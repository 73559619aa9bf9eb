package io.jbgp.rib;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.rib.out.AdjRibOut;
import io.jbgp.rib.out.ExportCache;
import io.jbgp.rib.out.TableFeeder;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.rib.policy.ExportPolicy;
import io.jbgp.rib.policy.ImportPolicy;
import io.jbgp.rib.table.AdjRibIn;
import io.jbgp.rib.table.LocRib;
import io.jbgp.rib.table.Neighbor;
import io.jbgp.rib.table.PeerSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The RIB's state for one established neighbor; lives and dies with the session. */
final class RibPeer {
    final Neighbor neighbor;
    final PeerSource source;
    final CodecContext codec;
    final PeerOutbound sink;
    final List<AddressFamily> families;
    final AdjRibIn in;
    final AdjRibOut out = new AdjRibOut();
    final ExportCache exportCache = new ExportCache(); // built-in export outcome per best attribute set
    ImportPolicy importPolicy; // null: none configured
    ExportPolicy exportPolicy; // null: none configured
    TableFeeder feeder;        // null: no walk in progress
    boolean feedScheduled;
    boolean awaitingWritable; // a whenWritable callback is registered
    long maxPrefixes;         // 0: no limit (RFC 4486 §4)
    boolean prefixWarned;     // the warning threshold was logged this session
    boolean prefixLimitHit;   // the limit was passed: nothing more is imported, the session ends
    final boolean enhancedRouteRefresh; // RFC 7313 negotiated
    final Set<AddressFamily> endOfRefreshDue = new HashSet<>(); // BoRR sent, EoRR once the queue drains

    RibPeer(Neighbor neighbor, CodecContext codec, PeerOutbound sink, ImportPolicy importPolicy,
            ExportPolicy exportPolicy, boolean enhancedRouteRefresh, LocRib locRib) {
        this.neighbor = neighbor;
        this.source = neighbor.source();
        this.in = new AdjRibIn(locRib, source);
        this.codec = codec;
        this.sink = sink;
        this.families = codec.families().stream().filter(AddressFamily::isSupported)
                .sorted((a, b) -> Integer.compare(a.afi(), b.afi())).toList();
        this.importPolicy = importPolicy;
        this.exportPolicy = exportPolicy;
        this.enhancedRouteRefresh = enhancedRouteRefresh;
    }

    boolean carries(AddressFamily family) {
        return families.contains(family);
    }

    String importStatus(boolean rfc8212) {
        if (importPolicy != null) {
            return "import policy configured";
        }
        return neighbor.ebgp() && rfc8212
                ? "RFC 8212: eBGP neighbor without import policy, accepting nothing" : "accepting all (no policy)";
    }

    String exportStatus(boolean rfc8212) {
        if (exportPolicy != null) {
            return "export policy configured";
        }
        return neighbor.ebgp() && rfc8212
                ? "RFC 8212: eBGP neighbor without export policy, announcing nothing" : "announcing all (no policy)";
    }
}
