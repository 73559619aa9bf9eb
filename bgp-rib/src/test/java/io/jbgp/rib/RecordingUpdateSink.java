package io.jbgp.rib;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.out.UpdateSink;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Records the UPDATEs sent to one neighbor and rebuilds the neighbor's view from them. */
public final class RecordingUpdateSink implements UpdateSink {

    public final List<UpdateMessage> sent = new ArrayList<>();
    public boolean writable = true;

    @Override
    public void send(UpdateMessage update) {
        sent.add(update);
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    /** What a peer that started empty and applied every UPDATE in order now holds. */
    public Map<IpPrefix, AttributeSet> peerView() {
        Map<IpPrefix, AttributeSet> view = new TreeMap<>();
        for (UpdateMessage m : sent) {
            for (AddressFamily f : List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)) {
                for (Nlri n : m.withdrawn(f)) {
                    view.remove(n.prefix());
                }
                List<Nlri> ann = m.announced(f);
                if (!ann.isEmpty()) {
                    InetAddress nh = m.mpReach().filter(r -> r.family().equals(f)).map(r -> r.nextHop()).orElse(null);
                    AttributeSet a = AttributeSet.of(m.attributes(), nh);
                    for (Nlri n : ann) {
                        view.put(n.prefix(), a);
                    }
                }
            }
        }
        return view;
    }

    /** The families for which an End-of-RIB was sent. */
    public List<AddressFamily> endOfRibs() {
        List<AddressFamily> out = new ArrayList<>();
        for (UpdateMessage m : sent) {
            m.endOfRibFamily().ifPresent(out::add);
        }
        return out;
    }
}
