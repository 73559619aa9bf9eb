package io.jbgp.examples.bgpd;

import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.message.Capability;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.examples.ctl.NeighborDetailView;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The parts of "show neighbor" computed from the negotiated session and the filter rules. */
final class NeighborDetails {
    private NeighborDetails() {
    }

    /** What two OPENs agreed on, in words. */
    static NeighborDetailView.Session session(NegotiatedSession s) {
        List<String> families = s.families().stream().map(AddressFamily::toString).toList();
        List<String> caps = new ArrayList<>();
        for (AddressFamily f : s.families()) {
            caps.add("multiprotocol " + f);
        }
        if (s.fourOctetAs()) {
            caps.add("4-octet AS");
        }
        if (s.routeRefresh()) {
            caps.add("route refresh");
        }
        if (s.enhancedRouteRefresh()) {
            caps.add("enhanced route refresh");
        }
        if (s.extendedMessage()) {
            caps.add("extended message");
        }
        for (Map.Entry<AddressFamily, Capability.AddPath.Mode> e : s.addPath().entrySet()) {
            caps.add("add-path " + e.getKey() + " " + e.getValue().name().toLowerCase(Locale.ROOT));
        }
        List<String> peer = s.peerCapabilities().stream().map(NeighborDetails::capability).toList();
        return new NeighborDetailView.Session(s.localAddress().getAddress(), s.peerRouterId(),
                s.holdTime().seconds(), s.keepaliveSeconds(), families, caps, peer);
    }

    // bgpctl-like wording for the common capabilities; the record text for the rest
    private static String capability(Capability c) {
        if (c instanceof Capability.MultiProtocol m) {
            return "Multiprotocol extensions: " + m.family();
        }
        if (c instanceof Capability.RouteRefresh) {
            return "Route Refresh";
        }
        if (c instanceof Capability.EnhancedRouteRefresh) {
            return "Enhanced Route Refresh";
        }
        if (c instanceof Capability.ExtendedMessage) {
            return "Extended message";
        }
        if (c instanceof Capability.FourOctetAs f) {
            return "4-byte AS numbers (AS " + f.asn() + ")";
        }
        return c.toString();
    }

    /**
     * One direction's policy state. bgpd.conf's filter rules are the policy and deny by default;
     * a neighbor no {@code allow} rule can match therefore gets nothing, which for eBGP is the
     * RFC 8212 §4 default and is named so.
     */
    static String policyStatus(Optional<?> policy, InetAddress address, boolean ebgp, boolean rfc8212,
                               boolean isImport) {
        boolean allows = policy.isPresent()
                && (!(policy.get() instanceof FilterPolicy f) || f.mayAllow(address, ebgp));
        String dir = isImport ? "from" : "to";
        if (allows) {
            return "filter rules allow " + dir + " this neighbor";
        }
        if (ebgp && rfc8212) {
            return isImport ? "RFC 8212: no import policy, accepting nothing"
                    : "RFC 8212: no export policy, announcing nothing";
        }
        if (policy.isEmpty()) {
            // no policy object at all: the RIB passes everything (iBGP, or RFC 8212 off)
            return isImport ? "no import policy, accepting all" : "no export policy, announcing all";
        }
        return "no filter rule allows " + dir + " this neighbor, " + (isImport ? "accepting" : "announcing")
                + " nothing";
    }
}
