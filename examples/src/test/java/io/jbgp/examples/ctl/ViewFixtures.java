package io.jbgp.examples.ctl;

import io.jbgp.core.attr.Origin;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.MessageStatistics;
import io.jbgp.netty.MessageStatistics.MessageCounts;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** Site A's view from the write-up (and a few harder rows) for the formatter tests. */
final class ViewFixtures {
    private ViewFixtures() {}

    static InetAddress ip(String s) {
        return IpPrefix.parseAddress(s);
    }

    static IpPrefix prefix(String s) {
        return IpPrefix.parse(s);
    }

    /** Up for two days, seven hours and seventeen minutes, as in the write-up's status page. */
    static final long TWO_DAYS_SEVEN_HOURS = 2 * 86400 + 7 * 3600 + 17 * 60;

    /** The CEASE neighbor 2001:db8::2 sent when it went down. */
    static final NotificationMessage BYE = NotificationMessage.cease(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "bye");

    /**
     * Counts whose totals differ from their UPDATE counts, so that a formatter printing the wrong
     * one shows: Site B's 3562 UPDATEs received came with 6571 KEEPALIVEs (10134 messages).
     */
    static final List<MessageStatistics> STATISTICS = List.of(
            new MessageStatistics(new MessageCounts(1, 3563, 0, 6570, 1, 3, 1, 2, 1, 0, 0),
                    new MessageCounts(1, 3562, 0, 6571, 0, 4100, 12, 2, 0, 0, 0), 0, 0,
                    Optional.empty(), Optional.empty()),
            new MessageStatistics(new MessageCounts(1, 10, 0, 21, 0, 0, 0, 1, 0, 0, 0),
                    new MessageCounts(1, 12, 1, 20, 0, 7, 0, 1, 0, 0, 0), 0, 0,
                    Optional.empty(), Optional.of(BYE)),
            MessageStatistics.NONE,
            new MessageStatistics(new MessageCounts(1, 6, 0, 7, 0, 4, 0, 1, 0, 0, 0),
                    new MessageCounts(1, 5, 0, 7, 2, 150, 0, 1, 0, 1, 1), 1, 139,
                    Optional.empty(), Optional.empty()));

    static final List<NeighborView> NEIGHBORS = List.of(
            new NeighborView(ip("172.19.0.2"), Asn.of(65502), Optional.of("SiteB"),
                    SessionState.ESTABLISHED, TWO_DAYS_SEVEN_HOURS, 2, 3, STATISTICS.get(0), 0),
            new NeighborView(ip("2001:db8::2"), Asn.of(4_200_000_001L), Optional.empty(),
                    SessionState.ACTIVE, 3723, 0, 0, STATISTICS.get(1), 0),
            new NeighborView(ip("198.51.100.8"), Asn.of(65503),
                    Optional.of("A-very-long-description"), SessionState.IDLE,
                    NeighborView.NEVER, 0, 0, STATISTICS.get(2), 0),
            new NeighborView(ip("198.51.100.9"), Asn.of(65504), Optional.empty(),
                    SessionState.ESTABLISHED, 23 * 86400 + 5 * 3600 + 7, 150, 4, STATISTICS.get(3), 1000));

    static final List<RibRowView> RIB = List.of(
            new RibRowView(prefix("10.2.0.0/24"), ip("172.19.0.2"), Optional.of(ip("172.19.0.2")),
                    new long[] {65502}, Origin.IGP, 100, 0, List.of("65502:100", "NO_EXPORT"),
                    true, "lowest AS path length", true, false),
            new RibRowView(prefix("10.2.0.0/24"), ip("198.51.100.9"),
                    Optional.of(ip("198.51.100.9")), new long[] {65504, 65502}, Origin.INCOMPLETE,
                    100, 50, List.of(), false, "longer AS path", true, false),
            new RibRowView(prefix("10.1.0.0/24"), ip("0.0.0.0"), Optional.empty(), new long[0],
                    Origin.IGP, 100, 0, List.of(), true, "locally originated", true, false),
            new RibRowView(prefix("203.0.113.0/24"), ip("198.51.100.7"),
                    Optional.of(ip("198.51.100.7")), new long[] {65501, 65502}, Origin.EGP, 200,
                    0, List.of(), false, "AS loop: own AS 65501 in path", false, true));

    /** Site B up, with what it negotiated; an eBGP neighbor without policy that went down. */
    static final List<NeighborDetailView> DETAILS = List.of(
            new NeighborDetailView(NEIGHBORS.get(0), Optional.empty(),
                    Optional.of(new NeighborDetailView.Session(ip("172.19.0.1"),
                            RouterId.parse("10.2.0.1"), 90, 30,
                            List.of("IPv4 unicast", "IPv6 unicast"),
                            List.of("4-octet AS", "route refresh"),
                            List.of("Multiprotocol extensions: IPv4 unicast", "Route Refresh"))),
                    "filter rules allow from this neighbor", "filter rules allow to this neighbor"),
            new NeighborDetailView(NEIGHBORS.get(1),
                    Optional.of("NOTIFICATION received: Cease / Administrative Shutdown, \"bye\""),
                    Optional.empty(), "RFC 8212: no import policy, accepting nothing",
                    "RFC 8212: no export policy, announcing nothing"));

    static final List<NexthopView> NEXTHOPS = List.of(
            new NexthopView(ip("172.19.0.2"), true, Optional.of(prefix("172.19.0.0/24")),
                    Optional.of(ip("172.19.0.2")), "ipsec1", 0, 2),
            new NexthopView(ip("198.51.100.9"), true, Optional.of(prefix("198.51.100.0/24")),
                    Optional.of(ip("198.51.100.1")), "em0", 20, 1),
            new NexthopView(ip("203.0.113.7"), false, Optional.empty(), Optional.empty(), "", 0, 3));

    static final List<FibRowView> FIB = List.of(
            new FibRowView(prefix("10.2.0.0/24"), Optional.of(ip("172.19.0.2")), "ipsec1"),
            new FibRowView(prefix("10.1.0.0/24"), Optional.empty(), "em1"));

    static final List<NetworkView> NETWORKS = List.of(
            new NetworkView(prefix("10.1.0.0/24"), "network inet connected", true, ""),
            new NetworkView(prefix("203.0.113.0/28"), "network inet connected", false,
                    "excluded interface em0"));
}
