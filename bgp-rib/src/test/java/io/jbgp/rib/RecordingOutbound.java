package io.jbgp.rib;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeSet;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A fake outbound port: records the UPDATEs sent to one neighbor and rebuilds its view from them. */
public final class RecordingOutbound implements PeerOutbound {

    public final List<UpdateMessage> sent = new ArrayList<>();
    /** Everything sent, UPDATEs and ROUTE-REFRESHes, in order. */
    public final List<io.jbgp.core.message.BgpMessage> log = new ArrayList<>();
    public final List<Runnable> writableWaiters = new ArrayList<>();
    public boolean writable = true;
    private final PeerKey peer;

    public RecordingOutbound() {
        this(PeerKey.of(TestRoutes.addr("10.0.0.99")));
    }

    public RecordingOutbound(PeerKey peer) {
        this.peer = peer;
    }

    @Override
    public PeerKey peer() {
        return peer;
    }

    @Override
    public void send(List<UpdateMessage> updates) {
        sent.addAll(updates);
        log.addAll(updates);
    }

    @Override
    public void sendRouteRefresh(RouteRefreshMessage refresh) {
        log.add(refresh);
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void whenWritable(Runnable task) {
        writableWaiters.add(task);
    }

    /** Becomes writable and runs the registered callbacks, as the driver would. */
    public void drain() {
        writable = true;
        List<Runnable> w = List.copyOf(writableWaiters);
        writableWaiters.clear();
        w.forEach(Runnable::run);
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
