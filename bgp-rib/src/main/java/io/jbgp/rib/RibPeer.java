package io.jbgp.rib;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.rib.out.AdjRibOut;
import io.jbgp.rib.out.TableFeeder;
import io.jbgp.rib.out.UpdateSink;
import io.jbgp.rib.policy.ExportPolicy;
import io.jbgp.rib.policy.ImportPolicy;
import io.jbgp.rib.table.AdjRibIn;
import io.jbgp.rib.table.Neighbor;
import io.jbgp.rib.table.PeerSource;
import java.util.List;

/** The RIB's state for one established neighbor; lives and dies with the session. */
final class RibPeer {
    final Neighbor neighbor;
    final PeerSource source;
    final CodecContext codec;
    final UpdateSink sink;
    final List<AddressFamily> families;
    final AdjRibIn in = new AdjRibIn();
    final AdjRibOut out = new AdjRibOut();
    ImportPolicy importPolicy; // null: none configured
    ExportPolicy exportPolicy; // null: none configured
    TableFeeder feeder;        // null: no walk in progress
    boolean feedScheduled;

    RibPeer(Neighbor neighbor, CodecContext codec, UpdateSink sink, ImportPolicy importPolicy,
            ExportPolicy exportPolicy) {
        this.neighbor = neighbor;
        this.source = neighbor.source();
        this.codec = codec;
        this.sink = sink;
        this.families = codec.families().stream().filter(AddressFamily::isSupported)
                .sorted((a, b) -> Integer.compare(a.afi(), b.afi())).toList();
        this.importPolicy = importPolicy;
        this.exportPolicy = exportPolicy;
    }

    boolean carries(AddressFamily family) {
        return families.contains(family);
    }
}
