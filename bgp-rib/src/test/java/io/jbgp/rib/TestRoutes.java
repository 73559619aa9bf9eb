package io.jbgp.rib;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.table.Eligibility;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import java.net.InetAddress;

/** Small factories shared by the RIB tests (documentation address ranges only). */
public final class TestRoutes {

    public static final Asn LOCAL_AS = Asn.of(65001);
    public static final RouterId LOCAL_ID = RouterId.parse("10.255.0.1");

    private TestRoutes() {
    }

    public static InetAddress addr(String literal) {
        return IpPrefix.parseAddress(literal);
    }

    public static IpPrefix prefix(String text) {
        return IpPrefix.parse(text);
    }

    /** A neighbor 10.0.0.{n} with router id 10.0.{n}.1; eBGP when {@code as != 65001}. */
    public static PeerSource peer(int n, long as) {
        return new PeerSource(addr("10.0.0." + n), RouterId.parse("10.0." + n + ".1"), Asn.of(as), as != LOCAL_AS.value());
    }

    public static AttributeSet.Builder attrs(long... asPath) {
        return AttributeSet.builder().origin(Origin.IGP).asPath(AsPath.sequence(asPath)).nextHop(addr("10.0.0.1"));
    }

    public static Route route(PeerSource source, AttributeSet attrs) {
        return new Route(source, Nlri.NO_PATH_ID, attrs, 0, Eligibility.ELIGIBLE, 0);
    }
}
