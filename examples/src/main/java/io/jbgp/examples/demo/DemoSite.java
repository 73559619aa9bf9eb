package io.jbgp.examples.demo;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.origin.SystemRoute;
import java.net.InetAddress;
import java.util.List;

/**
 * One site of the write-up ("pfSense Site-to-Site IPsec VTI with BGP") as the demo runs it: its
 * AS, its LAN and WAN, the static route behind its LAN router, and the bgpd.conf the pfSense
 * OpenBGPD package would show as "Raw config", moved onto loopback.
 *
 * <p>The IPsec VTI transit network of the write-up (172.19.0.0/30) becomes two 127.0.x.y
 * addresses: the sessions run between them, and each site treats loopback as connected, so the
 * other site's next hop resolves as it would over the tunnel. IPv6 next hops come from a
 * documentation transit prefix (2001:db8:ffff::/64) each site has on {@code vti0}.
 *
 * @param name       "A" or "B"
 * @param asn        the private AS (RFC 6996) of the site
 * @param routerId   its BGP identifier (the write-up uses the LAN address)
 * @param lan        the LAN subnet, announced by {@code network inet connected}
 * @param behindLan  a subnet behind a LAN router, announced by {@code network inet static}
 * @param wan        the WAN subnet: connected too, held back by the WAN-leak guard
 * @param wanGateway the provider's gateway (the default route)
 * @param lan6       the IPv6 LAN block, announced by a {@code network} statement
 * @param transit6   our IPv6 transit address, the next hop of our IPv6 routes
 */
public record DemoSite(String name, long asn, String routerId, IpPrefix lan, IpPrefix behindLan, IpPrefix wan,
                       InetAddress wanGateway, IpPrefix lan6, InetAddress transit6) {

    /** The transit prefix both sites treat as connected on {@code vti0}. */
    static final IpPrefix TRANSIT6 = IpPrefix.parse("2001:db8:ffff::/64");

    /** Site A (AS 65501) of the write-up. */
    public static DemoSite siteA() {
        return new DemoSite("A", 65501, "10.1.0.1", IpPrefix.parse("198.51.100.0/25"),
                IpPrefix.parse("198.51.100.128/26"), IpPrefix.parse("198.51.100.192/26"),
                IpPrefix.parseAddress("198.51.100.193"), IpPrefix.parse("2001:db8:a::/48"),
                IpPrefix.parseAddress("2001:db8:ffff::1"));
    }

    /** Site B (AS 65502) of the write-up. */
    public static DemoSite siteB() {
        return new DemoSite("B", 65502, "10.2.0.1", IpPrefix.parse("203.0.113.0/25"),
                IpPrefix.parse("203.0.113.128/26"), IpPrefix.parse("203.0.113.192/26"),
                IpPrefix.parseAddress("203.0.113.193"), IpPrefix.parse("2001:db8:b::/48"),
                IpPrefix.parseAddress("2001:db8:ffff::2"));
    }

    /** The host routes of the site's router: what {@code network inet connected|static} select. */
    public List<SystemRoute> systemRoutes() {
        byte[] b = lan.address().getAddress();
        b[3] += 2; // .2 on the LAN: the router in front of the static subnet
        InetAddress gw;
        try {
            gw = InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("systemRoutes: " + e);
        }
        return List.of(
                SystemRoute.connected(lan, "em1"),
                SystemRoute.connected(wan, "em0"),
                SystemRoute.staticRoute(IpPrefix.parse("0.0.0.0/0"), wanGateway, "em0"),
                SystemRoute.staticRoute(behindLan, gw, "em1"),
                SystemRoute.connected(TRANSIT6, "vti0"));
    }

    /**
     * The site's bgpd.conf: the write-up's raw config on loopback.
     *
     * @param self  our session address (127.0.x.y)
     * @param peer  the other site's session address
     * @param port  the port both sites listen on
     * @param other the other site (its AS and name)
     */
    public String bgpdConf(InetAddress self, InetAddress peer, int port, DemoSite other) {
        String p = peer.getHostAddress();
        return String.join("\n",
                "# Site " + name + " of the write-up, on loopback (bgpd.conf, OpenBGPD syntax)",
                "AS " + asn,
                "router-id " + routerId,
                "listen on " + self.getHostAddress() + " port " + port,
                "holdtime 90",
                "connect-retry 5",
                "fib-update yes",
                "",
                "# every directly attached subnet and every static route; the WAN-leak guard keeps",
                "# the WAN subnet (the interface holding the default route) out",
                "network inet connected",
                "network inet static",
                "network " + lan6,
                "",
                "group \"Site" + other.name + "\" {",
                "    remote-as " + other.asn,
                "    neighbor " + p + " {",
                "        descr \"Site" + other.name + "\"",
                "        local-address " + self.getHostAddress(),
                "        port " + port,
                "        announce IPv4 unicast",
                "        announce IPv6 unicast",
                "    }",
                "}",
                "",
                "deny from any",
                "deny to any",
                "allow from " + p,
                "allow to " + p,
                "");
    }
}
