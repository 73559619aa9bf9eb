package io.jbgp.examples.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbgp.core.attr.Origin;
import io.jbgp.core.types.IpPrefix;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bgpctl's text layout, compared line by line with what OpenBGPD's bgpctl prints. */
class BgpctlTextTest {

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void summaryReadsLikeBgpctl() {
        assertEquals(lines(
                "Neighbor                   AS    MsgRcvd    MsgSent  OutQ Up/Down  State/PrfRcvd",
                // messages of every type, not UPDATEs only (SiteB: 3562 UPDATEs in 10134 messages)
                "SiteB                   65502      10134      10135     0 2d07h17m      2",
                "2001:db8::2          4200000001         34         32     0 01:02:03 Active",
                "A-very-long-descript    65503          0          0     0 Never    Idle",
                "198.51.100.9            65504         15         14     1 03w2d05h    150/1000"),
                BgpctlText.summary(ViewFixtures.NEIGHBORS));
    }

    @Test
    void emptySummaryIsJustTheHeader() {
        assertEquals(lines(
                "Neighbor                   AS    MsgRcvd    MsgSent  OutQ Up/Down  State/PrfRcvd"),
                BgpctlText.summary(List.of()));
    }

    @ParameterizedTest
    @CsvSource({
        "-1, Never",
        "0, 00:00:00",
        "59, 00:00:59",
        "3723, 01:02:03",
        "86399, 23:59:59",
        "86400, 1d00h00m",
        "199020, 2d07h17m",
        "604799, 6d23h59m",
        "604800, 01w0d00h",
        "2005207, 03w2d05h",
        "60480000, 100w0d00h",
    })
    void timeframeFollowsBgpctl(long seconds, String expected) {
        assertEquals(expected, BgpctlText.timeframe(seconds));
    }

    @Test
    void ribShowsFlagsPathsAndOrigin() {
        assertEquals(lines(
                "flags: * = Valid, > = Selected, I = via IBGP, A = Announced,",
                "       E = Error",
                "origin: i = IGP, e = EGP, ? = Incomplete",
                "",
                "flags destination          gateway          lpref   med aspath origin",
                "*>    10.2.0.0/24          172.19.0.2        100     0 65502 i",
                "*     10.2.0.0/24          198.51.100.9      100    50 65504 65502 ?",
                "AI*>  10.1.0.0/24          0.0.0.0           100     0 i",
                "I     203.0.113.0/24       198.51.100.7      200     0 65501 65502 e"),
                BgpctlText.rib(ViewFixtures.RIB));
    }

    @Test
    void ribDetailShowsTheGatewayARecursiveNextHopResolvesThrough() {
        RibRowView r = new RibRowView(IpPrefix.parse("203.0.113.0/24"), IpPrefix.parseAddress("10.9.0.1"),
                Optional.of(IpPrefix.parseAddress("10.9.0.1")), new long[] {65501}, Origin.IGP, 100, 0,
                List.of(), true, "only path", true, true, false, IpPrefix.parseAddress("198.51.100.1"));
        assertEquals("    Nexthop 10.9.0.1 (via 198.51.100.1) Neighbor 10.9.0.1",
                BgpctlText.ribDetail(List.of(r)).lines().toList().get(3));
    }

    /**
     * bgpctl sets {@code E} only for a path kept after an attribute error; an unreachable next
     * hop or an AS loop only takes the {@code *} away (OpenBGPD's rde_dump_rib_as).
     */
    @Test
    void errorFlagMeansAnAttributeErrorNotJustIneligible() {
        RibRowView unreachable = new RibRowView(IpPrefix.parse("203.0.113.0/24"),
                IpPrefix.parseAddress("10.99.0.1"), Optional.of(IpPrefix.parseAddress("198.51.100.7")),
                new long[] {65503}, Origin.IGP, 100, 0, List.of(), false, "next hop unreachable",
                false, false);
        RibRowView malformed = new RibRowView(IpPrefix.parse("203.0.113.0/24"),
                IpPrefix.parseAddress("198.51.100.7"), Optional.of(IpPrefix.parseAddress("198.51.100.7")),
                new long[] {65503}, Origin.IGP, 100, 0, List.of(), false,
                "attribute error (treat-as-withdraw)", false, false, true);
        List<String> out = BgpctlText.rib(List.of(unreachable, malformed)).lines().toList();
        assertEquals(List.of(
                "      203.0.113.0/24       10.99.0.1         100     0 65503 i",
                "E     203.0.113.0/24       198.51.100.7      100     0 65503 i"),
                out.subList(out.size() - 2, out.size()));
    }

    @Test
    void ribDetailGivesTheDecisionReason() {
        assertEquals(lines(
                "",
                "BGP routing table entry for 10.2.0.0/24",
                "    65502",
                "    Nexthop 172.19.0.2 (via 172.19.0.2) Neighbor 172.19.0.2",
                "    Origin IGP, metric 0, localpref 100, external, valid, best",
                "    Reason: lowest AS path length",
                "    Communities: 65502:100 NO_EXPORT",
                "",
                "BGP routing table entry for 10.2.0.0/24",
                "    65504 65502",
                "    Nexthop 198.51.100.9 (via 198.51.100.9) Neighbor 198.51.100.9",
                "    Origin incomplete, metric 50, localpref 100, external, valid",
                "    Reason: longer AS path",
                "",
                "BGP routing table entry for 10.1.0.0/24",
                "    Nexthop 0.0.0.0 (via 0.0.0.0) Neighbor LOCAL",
                "    Origin IGP, metric 0, localpref 100, internal, valid, best, announced",
                "    Reason: locally originated",
                "",
                "BGP routing table entry for 203.0.113.0/24",
                "    65501 65502",
                "    Nexthop 198.51.100.7 (via 198.51.100.7) Neighbor 198.51.100.7",
                "    Origin EGP, metric 0, localpref 200, internal, invalid",
                "    Reason: AS loop: own AS 65501 in path"),
                BgpctlText.ribDetail(ViewFixtures.RIB));
    }

    @Test
    void ribLocalRowMatchesRealBgpctlLayout() {
        // "AI*>    N 198.51.100.0/24      0.0.0.0           100     0 i" from OpenBGPD 7.7,
        // with its "ovs" column (4 characters) taken out
        String row = BgpctlText.rib(List.of(ViewFixtures.RIB.get(2))).lines()
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("AI*>    N 10.1.0.0/24          0.0.0.0           100     0 i",
                row.substring(0, 6) + "  N " + row.substring(6));
    }

    @Test
    void fibShowsResolvedNextHopsAndInterfaces() {
        assertEquals(lines(
                "destination          gateway         interface",
                "10.2.0.0/24          172.19.0.2      ipsec1",
                "10.1.0.0/24          link#connected  em1"),
                BgpctlText.fib(ViewFixtures.FIB));
    }

    @Test
    void networksShowWhatTheLeakGuardHeldBack() {
        assertEquals(lines(
                "destination          announced statement                    reason",
                "10.1.0.0/24          yes       network inet connected",
                "203.0.113.0/28       no        network inet connected       excluded interface em0"),
                BgpctlText.networks(ViewFixtures.NETWORKS));
    }

    @Test
    void nexthopsShowStateRouteGatewayInterfaceAndUsers() {
        assertEquals(lines(
                "Flags: * = nexthop valid",
                "",
                "   Nexthop                        Route                 Cost Gateway            Iface      Prefixes",
                " * 172.19.0.2                     172.19.0.0/24            0 connected          ipsec1     2",
                " * 198.51.100.9                   198.51.100.0/24         20 198.51.100.1       em0        1",
                "   203.0.113.7                    unreachable              - -                  -          3"),
                BgpctlText.nexthops(ViewFixtures.NEXTHOPS));
    }

    @Test
    void neighborBlocksShowSessionPolicyLastErrorAndBgpctlsStatisticsTables() {
        assertEquals(lines(
                "BGP neighbor is 172.19.0.2, remote AS 65502",
                " Description: SiteB",
                "  BGP state = Established, up for 2d07h17m",
                "  Remote router-id 10.2.0.1, local address 172.19.0.1",
                "  Hold time 90s, keepalive interval 30s",
                "  Address families: IPv4 unicast, IPv6 unicast",
                "  Negotiated capabilities: 4-octet AS, route refresh",
                "  Neighbor capabilities:",
                "    Multiprotocol extensions: IPv4 unicast",
                "    Route Refresh",
                "  Import: filter rules allow from this neighbor",
                "  Export: filter rules allow to this neighbor",
                "",
                "  Message statistics:",
                "                  Sent       Received  ",
                "  Opens                    1          1",
                "  Notifications            0          0",
                "  Updates               3563       3562",
                "  Keepalives            6570       6571",
                "  Route Refresh            1          0",
                "  Total                10135      10134",
                "",
                "  Update statistics:",
                "                  Sent       Received  ",
                // bgpctl's Prefixes row is the current count, its Updates and Withdraws rows prefixes
                "  Prefixes                 3          2",
                "  Updates                  3       4100",
                "  Withdraws                1         12",
                "  End-of-Rib               2          2",
                "  Route Refresh statistics:",
                "  Request                  1          0",
                "  Begin-of-RR              0          0",
                "  End-of-RR                0          0",
                "",
                "BGP neighbor is 2001:db8::2, remote AS 4200000001",
                "  BGP state = Active, down for 01:02:03",
                "  Import: RFC 8212: no import policy, accepting nothing",
                "  Export: RFC 8212: no export policy, announcing nothing",
                "  Last error: NOTIFICATION received: Cease / Administrative Shutdown, \"bye\"",
                "  Last error received: Cease / Administrative Shutdown, \"bye\"",
                "",
                "  Message statistics:",
                "                  Sent       Received  ",
                "  Opens                    1          1",
                "  Notifications            0          1",
                "  Updates                 10         12",
                "  Keepalives              21         20",
                "  Route Refresh            0          0",
                "  Total                   32         34",
                "",
                "  Update statistics:",
                "                  Sent       Received  ",
                "  Prefixes                 0          0",
                "  Updates                  0          7",
                "  Withdraws                0          0",
                "  End-of-Rib               1          1",
                "  Route Refresh statistics:",
                "  Request                  0          0",
                "  Begin-of-RR              0          0",
                "  End-of-RR                0          0"),
                BgpctlText.neighbors(ViewFixtures.DETAILS));
    }
}
