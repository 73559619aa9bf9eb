package io.jbgp.rib.show;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.fib.FibRoute;
import io.jbgp.rib.table.LocalSource;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import java.util.Map;

/**
 * A bgpctl-like text table: one line per candidate with its flags ({@code *} valid, {@code >}
 * selected, {@code =} in the ECMP set, {@code I} via iBGP, {@code L} local), the BGP next hop,
 * LOCAL_PREF, MED, AS path, origin and the reason it won or lost (or why it is ineligible).
 */
public final class TextRibFormatter implements RibFormatter {

    private static final String HEADER = "flags: * = valid, > = selected, = = multipath, I = via iBGP, L = local\n"
            + "origin: i = IGP, e = EGP, ? = incomplete\n\n";
    private static final String ROW = "%-5s %-24s %-24s %6s %6s %s%s%s%n";

    @Override
    public String rib(RibSnapshot snapshot, AddressFamily family) {
        StringBuilder sb = new StringBuilder(HEADER);
        sb.append(String.format(ROW, "flags", "destination", "gateway", "lpref", "med", "aspath ", "origin", ""));
        for (RibSnapshot.DestinationView d : snapshot.routes(family)) {
            for (RibSnapshot.CandidateView c : d.candidates()) {
                Route r = c.route();
                AttributeSet a = r.attrs();
                String why = !r.isEligible() ? r.eligibility().description()
                        : c.reason().map(Object::toString).orElse("");
                String path = a.asPath().isEmpty() ? "" : a.asPath() + " ";
                sb.append(String.format(ROW, flags(c), d.prefix(), a.nextHop() == null ? "self"
                        : a.nextHop().getHostAddress(), a.hasLocalPref() ? a.localPref() : 100, a.hasMed() ? a.med() : 0,
                        path, a.origin().symbol(), why.isEmpty() ? "" : "  " + why).stripTrailing()).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public String fib(RibSnapshot snapshot) {
        StringBuilder sb = new StringBuilder(String.format("%-24s %s%n", "destination", "gateway"));
        for (Map.Entry<IpPrefix, FibRoute> e : snapshot.forwarding().entrySet()) {
            for (FibRoute.NextHop nh : e.getValue().nextHops()) {
                String dev = nh.interfaceName().isEmpty() ? "" : " dev " + nh.interfaceName();
                sb.append(String.format("%-24s %s%s%n", e.getKey(), nh.gateway().getHostAddress(), dev));
            }
        }
        return sb.toString();
    }

    private static String flags(RibSnapshot.CandidateView c) {
        Route r = c.route();
        StringBuilder f = new StringBuilder();
        f.append(r.isEligible() ? '*' : ' ');
        f.append(c.best() ? '>' : c.multipath() ? '=' : ' ');
        if (r.source() instanceof PeerSource p && !p.ebgp()) {
            f.append('I');
        } else if (r.source() instanceof LocalSource) {
            f.append('L');
        }
        return f.toString();
    }
}
