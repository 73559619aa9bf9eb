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
import java.util.StringJoiner;

/**
 * JSON for control tools and interop checks ({@code bgpctl -j} in spirit), written by hand so
 * the shape stays stable and needs no mapping library:
 * <pre>
 * {"family": "IPv4 unicast", "routes": [{"prefix": "198.51.100.0/24", "paths": [
 *   {"best": true, "multipath": true, "eligible": true, "eligibility": "eligible",
 *    "source": "10.0.0.3", "ebgp": true, "nexthop": "10.0.0.3", "localpref": 100, "med": 0,
 *    "aspath": [65003], "origin": "i", "communities": ["65003:1"], "reason": "won: shorter AS_PATH"}]}]}
 * {"fib": [{"prefix": "198.51.100.0/24", "nexthops": [{"gateway": "10.0.0.3", "interface": "eth0"}]}]}
 * </pre>
 * Local routes have {@code "source": "local:CONFIGURED"} (or STATIC, CONNECTED) and
 * {@code "nexthop": null}; absent MED and LOCAL_PREF are null, "reason" is null without a rival.
 */
public final class JsonRibFormatter implements RibFormatter {

    @Override
    public String rib(RibSnapshot snapshot, AddressFamily family) {
        StringJoiner routes = new StringJoiner(", ", "[", "]");
        for (RibSnapshot.DestinationView d : snapshot.routes(family)) {
            StringJoiner paths = new StringJoiner(", ", "[", "]");
            for (RibSnapshot.CandidateView c : d.candidates()) {
                paths.add(path(c));
            }
            routes.add("{\"prefix\": " + str(d.prefix().toString()) + ", \"paths\": " + paths + "}");
        }
        return "{\"family\": " + str(family.toString()) + ", \"routes\": " + routes + "}";
    }

    @Override
    public String fib(RibSnapshot snapshot) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        for (Map.Entry<IpPrefix, FibRoute> e : snapshot.forwarding().entrySet()) {
            StringJoiner nhs = new StringJoiner(", ", "[", "]");
            for (FibRoute.NextHop nh : e.getValue().nextHops()) {
                nhs.add("{\"gateway\": " + str(nh.gateway().getHostAddress()) + ", \"interface\": "
                        + str(nh.interfaceName()) + "}");
            }
            out.add("{\"prefix\": " + str(e.getKey().toString()) + ", \"nexthops\": " + nhs + "}");
        }
        return "{\"fib\": " + out + "}";
    }

    private static String path(RibSnapshot.CandidateView c) {
        Route r = c.route();
        AttributeSet a = r.attrs();
        String source = r.source() instanceof PeerSource p ? p.address().getHostAddress()
                : "local:" + ((LocalSource) r.source()).name();
        StringJoiner asPath = new StringJoiner(", ", "[", "]");
        for (long asn : a.asPath().flatten()) {
            asPath.add(Long.toString(asn));
        }
        StringJoiner communities = new StringJoiner(", ", "[", "]");
        a.communities().standard().forEach(x -> communities.add(str(x.toString())));
        a.communities().large().forEach(x -> communities.add(str(x.toString())));
        return "{\"best\": " + c.best() + ", \"multipath\": " + c.multipath() + ", \"eligible\": " + r.isEligible()
                + ", \"eligibility\": " + str(r.eligibility().description()) + ", \"source\": " + str(source)
                + ", \"ebgp\": " + r.source().isEbgp()
                + ", \"nexthop\": " + (a.nextHop() == null ? "null" : str(a.nextHop().getHostAddress()))
                + ", \"localpref\": " + (a.hasLocalPref() ? Long.toString(a.localPref()) : "null")
                + ", \"med\": " + (a.hasMed() ? Long.toString(a.med()) : "null")
                + ", \"aspath\": " + asPath + ", \"origin\": " + str(a.origin().symbol())
                + ", \"communities\": " + communities
                + ", \"reason\": " + c.reason().map(v -> str(v.toString())).orElse("null") + "}";
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
