package io.jbgp.core.fsm;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.SpeakerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.HoldTime;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure functions around the OPEN exchange: building our OPEN from configuration, and combining
 * two OPENs into a {@link NegotiatedSession}. Call {@link OpenValidator} first; negotiation
 * assumes an acceptable peer OPEN.
 */
public final class Negotiation {
    private Negotiation() {}

    /**
     * Our OPEN towards a neighbor: version 4, AS_TRANS in the 2-octet field when needed, our
     * proposed hold time, and the capabilities the configuration asks for, all in one optional
     * parameter (RFC 5492). 4-octet AS support (RFC 6793) is always advertised.
     */
    public static OpenMessage localOpen(SpeakerConfig speaker, PeerConfig peer) {
        TimerConfig timers = peer.effectiveTimers(speaker);
        List<Capability> caps = new ArrayList<>();
        List<AddressFamily> families = new ArrayList<>(peer.families());
        // a stable order so that our OPEN is the same bytes on every connection
        families.sort(Comparator.comparingInt(AddressFamily::afi).thenComparingInt(AddressFamily::safi));
        for (AddressFamily f : families) {
            caps.add(new Capability.MultiProtocol(f));
        }
        if (peer.routeRefresh()) {
            caps.add(new Capability.RouteRefresh());
        }
        if (peer.enhancedRouteRefresh()) {
            caps.add(new Capability.EnhancedRouteRefresh());
        }
        if (peer.extendedMessage()) {
            caps.add(new Capability.ExtendedMessage());
        }
        caps.add(new Capability.FourOctetAs(speaker.localAs()));
        if (!peer.addPath().isEmpty()) {
            List<Capability.AddPath.Entry> entries = new ArrayList<>();
            for (AddressFamily f : families) {
                Capability.AddPath.Mode m = peer.addPath().get(f);
                if (m != null) {
                    entries.add(new Capability.AddPath.Entry(f, m));
                }
            }
            if (!entries.isEmpty()) {
                caps.add(new Capability.AddPath(entries));
            }
        }
        peer.role().ifPresent(r -> caps.add(new Capability.BgpRole(r)));
        return OpenMessage.of(speaker.localAs(), timers.holdTimeSeconds(), speaker.routerId(), caps);
    }

    /**
     * Combines our OPEN and the peer's.
     *
     * @param local              the OPEN we sent
     * @param remote             the peer's OPEN, already validated
     * @param configuredKeepalive our configured keepalive in seconds, 0 for "a third of the hold
     *                            time"
     * @param localAddress       our end of the connection
     * @param remoteAddress      the peer's end
     */
    public static NegotiatedSession negotiate(OpenMessage local, OpenMessage remote, int configuredKeepalive,
                                              InetSocketAddress localAddress, InetSocketAddress remoteAddress) {
        // RFC 4271 §4.2: the smaller hold time; 0 on either side means no keepalives at all
        HoldTime hold = HoldTime.ofSeconds(Math.min(local.holdTime(), remote.holdTime()));
        int keepalive = 0;
        if (!hold.isZero()) {
            // RFC 4271 §10: a third of the hold time; a configured value may only make it shorter
            keepalive = hold.keepaliveSeconds();
            if (configuredKeepalive > 0) {
                keepalive = Math.min(keepalive, configuredKeepalive);
            }
        }
        // RFC 4760 §8 / RFC 5492: a family is usable only when both advertised it
        Set<AddressFamily> theirs = new LinkedHashSet<>(remote.families());
        List<AddressFamily> families = new ArrayList<>();
        for (AddressFamily f : local.families()) {
            if (theirs.contains(f)) {
                families.add(f);
            }
        }
        Map<AddressFamily, Capability.AddPath.Mode> addPath = addPath(local, remote, families);
        Set<AddressFamily> receive = new LinkedHashSet<>();
        Set<AddressFamily> send = new LinkedHashSet<>();
        addPath.forEach((f, m) -> {
            if (m.canReceive()) {
                receive.add(f);
            }
            if (m.canSend()) {
                send.add(f);
            }
        });
        boolean fourOctet = has(local, Capability.FourOctetAs.class) && has(remote, Capability.FourOctetAs.class);
        boolean extended = has(local, Capability.ExtendedMessage.class)
                && has(remote, Capability.ExtendedMessage.class);
        boolean refresh = has(local, Capability.RouteRefresh.class) && has(remote, Capability.RouteRefresh.class);
        boolean enhanced = has(local, Capability.EnhancedRouteRefresh.class)
                && has(remote, Capability.EnhancedRouteRefresh.class);
        CodecContext ctx = new CodecContext(fourOctet, extended, new LinkedHashSet<>(families), receive, send);
        return new NegotiatedSession(local, remote, localAddress, remoteAddress, local.asn(), remote.asn(),
                remote.bgpId(), hold, keepalive, families, addPath, fourOctet, extended, refresh, enhanced, ctx);
    }

    /**
     * RFC 7911 §4: for each family, we send path ids when we said SEND (or BOTH) and the peer
     * said RECEIVE (or BOTH), and receive them in the mirror case. Families absent from either
     * side's capability have no ADD-PATH.
     */
    static Map<AddressFamily, Capability.AddPath.Mode> addPath(OpenMessage local, OpenMessage remote,
                                                               List<AddressFamily> families) {
        Map<AddressFamily, Capability.AddPath.Mode> ours = addPathModes(local);
        Map<AddressFamily, Capability.AddPath.Mode> theirs = addPathModes(remote);
        Map<AddressFamily, Capability.AddPath.Mode> out = new LinkedHashMap<>();
        for (AddressFamily f : families) {
            Capability.AddPath.Mode l = ours.get(f);
            Capability.AddPath.Mode r = theirs.get(f);
            if (l == null || r == null) {
                continue;
            }
            boolean send = l.canSend() && r.canReceive();
            boolean receive = l.canReceive() && r.canSend();
            Capability.AddPath.Mode m = send && receive ? Capability.AddPath.Mode.BOTH
                    : send ? Capability.AddPath.Mode.SEND : receive ? Capability.AddPath.Mode.RECEIVE : null;
            if (m != null) {
                out.put(f, m);
            }
        }
        return out;
    }

    /** The ADD-PATH mode per family of one OPEN; should a family repeat, the later entry counts. */
    private static Map<AddressFamily, Capability.AddPath.Mode> addPathModes(OpenMessage open) {
        Map<AddressFamily, Capability.AddPath.Mode> out = new LinkedHashMap<>();
        for (Capability c : open.capabilities()) {
            if (c instanceof Capability.AddPath ap) {
                for (Capability.AddPath.Entry e : ap.entries()) {
                    out.put(e.family(), e.mode());
                }
            }
        }
        return out;
    }

    private static boolean has(OpenMessage open, Class<? extends Capability> type) {
        return open.capability(type).isPresent();
    }

}
