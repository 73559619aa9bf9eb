package io.jbgp.examples.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.core.types.Afi;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Golden tests: one per construct of the supported bgpd.conf subset. */
class BgpdConfigParserTest {

    static BgpdConfig parse(String text) throws ConfigException {
        return BgpdConfigParser.parse("bgpd.conf", text);
    }

    static InetAddress ip(String s) {
        return IpPrefix.parseAddress(s);
    }

    static IpPrefix prefix(String s) {
        return IpPrefix.parse(s);
    }

    @Test
    void minimalConfigGetsBgpdDefaults() throws Exception {
        BgpdConfig c = parse("AS 65501\n");
        assertEquals(new BgpdConfig(Asn.of(65501), Optional.empty(), List.of(), 90, true,
                List.of(), List.of(), List.of(), List.of(), List.of()), c);
    }

    @Test
    void globalsAreParsed() throws Exception {
        BgpdConfig c = parse("AS 65501\nrouter-id 10.1.0.1\nlisten on 0.0.0.0\n"
                + "listen on 2001:db8::1 port 1179\nholdtime 30\nfib-update no\n");
        assertEquals(Asn.of(65501), c.asn());
        assertEquals(Optional.of(RouterId.parse("10.1.0.1")), c.routerId());
        assertEquals(List.of(new BgpdConfig.ListenConfig(ip("0.0.0.0"), 179),
                new BgpdConfig.ListenConfig(ip("2001:db8::1"), 1179)), c.listen());
        assertEquals(30, c.holdTime());
        assertFalse(c.fibUpdate());
    }

    @Test
    void asdotAndFourOctetAsNumbers() throws Exception {
        assertEquals(Asn.of(196618), parse("AS 3.10\n").asn());
        assertEquals(Asn.of(4_200_000_000L), parse("AS 4200000000\n").asn());
    }

    @Test
    void commentsBlankLinesAndContinuationLines() throws Exception {
        BgpdConfig c = parse("# leading comment\n\n   \nAS \\\n  65501 # trailing\n"
                + "router-id \\\n10.0.0.1\n");
        assertEquals(Asn.of(65501), c.asn());
        assertEquals(Optional.of(RouterId.parse("10.0.0.1")), c.routerId());
    }

    @Test
    void macrosExpandInWordsButNotInQuotes() throws Exception {
        BgpdConfig c = parse("peer1=\"172.19.0.2\"\nmyas = 65501\nAS $myas\n"
                + "neighbor $peer1 {\n remote-as 65502\n descr \"$peer1\"\n}\n");
        assertEquals(Asn.of(65501), c.asn());
        NeighborConfig n = c.neighbors().get(0);
        assertEquals(ip("172.19.0.2"), n.address());
        assertEquals(Optional.of("$peer1"), n.settings().description());
    }

    @Test
    void macroValuesAreReLexedSoListsExpand() throws Exception {
        BgpdConfig c = parse("nets=\"{ 198.51.100.0/24, 203.0.113.0/24 }\"\nAS 1\n"
                + "prefix-set ps $nets\n");
        assertEquals(List.of(PrefixMatch.exact(prefix("198.51.100.0/24")),
                PrefixMatch.exact(prefix("203.0.113.0/24"))), c.prefixSets().get(0).entries());
    }

    @Test
    void everyNetworkForm() throws Exception {
        BgpdConfig c = parse("AS 1\nprefix-set lan { 10.1.0.0/24 10.1.1.0/24 }\n"
                + "network 198.51.100.0/24\nnetwork 2001:db8::/32\nnetwork inet connected\n"
                + "network inet6 connected\nnetwork inet static\nnetwork inet6 static\n"
                + "network prefix-set lan\n");
        assertEquals(List.of(
                new NetworkConfig.Prefix(prefix("198.51.100.0/24")),
                new NetworkConfig.Prefix(prefix("2001:db8::/32")),
                new NetworkConfig.Connected(Afi.IPV4, LeakGuard.NONE),
                new NetworkConfig.Connected(Afi.IPV6, LeakGuard.NONE),
                new NetworkConfig.Static(Afi.IPV4, LeakGuard.NONE),
                new NetworkConfig.Static(Afi.IPV6, LeakGuard.NONE),
                new NetworkConfig.PrefixSet("lan")), c.networks());
    }

    @Test
    void leakGuardOptions() throws Exception {
        BgpdConfig c = parse("AS 1\nnetwork inet connected exclude interface em0\n"
                + "network inet connected exclude interface { em0, \"wan 2\" } "
                + "exclude prefix 203.0.113.0/24 include prefix { 10.0.0.0/8 198.51.100.0/24 }\n"
                + "network inet static include prefix 10.0.0.0/8\n");
        assertEquals(List.of(
                new NetworkConfig.Connected(Afi.IPV4,
                        new LeakGuard(List.of("em0"), List.of(), List.of())),
                new NetworkConfig.Connected(Afi.IPV4, new LeakGuard(List.of("em0", "wan 2"),
                        List.of(prefix("203.0.113.0/24")),
                        List.of(prefix("10.0.0.0/8"), prefix("198.51.100.0/24")))),
                new NetworkConfig.Static(Afi.IPV4,
                        new LeakGuard(List.of(), List.of(), List.of(prefix("10.0.0.0/8"))))),
                c.networks());
    }

    @Test
    void leakGuardVerdicts() {
        LeakGuard g = new LeakGuard(List.of("em0"), List.of(prefix("203.0.113.0/24")),
                List.of(prefix("10.0.0.0/8"), prefix("198.51.100.0/24")));
        assertEquals(Optional.of("excluded interface em0"),
                g.rejection(prefix("10.1.0.0/24"), Optional.of("em0")));
        assertEquals(Optional.of("excluded prefix 203.0.113.0/24"),
                g.rejection(prefix("203.0.113.64/26"), Optional.of("em1")));
        assertEquals(Optional.of("not in include prefix list"),
                g.rejection(prefix("172.16.0.0/12"), Optional.empty()));
        assertEquals(Optional.empty(), g.rejection(prefix("10.1.0.0/24"), Optional.of("em1")));
        assertEquals(Optional.empty(), LeakGuard.NONE.rejection(prefix("0.0.0.0/0"),
                Optional.of("em0")));
    }

    @Test
    void prefixSetWithLengthOperators() throws Exception {
        BgpdConfig c = parse("AS 1\nprefix-set s {\n 198.51.100.0/24 or-longer,\n"
                + " 203.0.113.0/24 prefixlen >= 26\n 10.0.0.0/8 prefixlen 16-24,"
                + " 10.0.0.0/8 prefixlen 9 >< 15, 10.0.0.0/8 maxlen 12, 2001:db8::/32 prefixlen 48\n}\n");
        assertEquals(List.of(
                PrefixMatch.orLonger(prefix("198.51.100.0/24")),
                new PrefixMatch(prefix("203.0.113.0/24"), PrefixMatch.LengthOp.GE, 26, 26),
                new PrefixMatch(prefix("10.0.0.0/8"), PrefixMatch.LengthOp.RANGE, 16, 24),
                new PrefixMatch(prefix("10.0.0.0/8"), PrefixMatch.LengthOp.EXCEPT_RANGE, 9, 15),
                new PrefixMatch(prefix("10.0.0.0/8"), PrefixMatch.LengthOp.LE, 12, 12),
                new PrefixMatch(prefix("2001:db8::/32"), PrefixMatch.LengthOp.EQ, 48, 48)),
                c.prefixSet("s").orElseThrow().entries());
    }

    @Test
    void prefixMatchSemantics() {
        PrefixMatch ol = PrefixMatch.orLonger(prefix("198.51.100.0/24"));
        assertTrue(ol.matches(prefix("198.51.100.128/25")));
        assertTrue(ol.matches(prefix("198.51.100.0/24")));
        assertFalse(ol.matches(prefix("198.51.0.0/16")));
        assertFalse(PrefixMatch.exact(prefix("198.51.100.0/24")).matches(prefix("198.51.100.0/25")));
        PrefixMatch except = new PrefixMatch(prefix("10.0.0.0/8"),
                PrefixMatch.LengthOp.EXCEPT_RANGE, 9, 15);
        assertTrue(except.matches(prefix("10.0.0.0/8")));
        assertFalse(except.matches(prefix("10.0.0.0/12")));
        assertTrue(except.matches(prefix("10.1.0.0/16")));
    }

    @Test
    void groupWithNeighborAndEveryNeighborSetting() throws Exception {
        BgpdConfig c = parse("AS 65501\ngroup \"BGPGroupDUS\" {\n remote-as 65502\n holdtime 30\n"
                + " neighbor 172.19.0.2 {\n  descr \"SiteB\"\n  passive\n  holdtime 9\n"
                + "  local-address 172.19.0.1\n  port 1179\n  tcp md5sig password s3cr3t\n"
                + "  ttl-security yes\n  max-prefix 100 restart 5\n  announce IPv4 unicast\n"
                + "  announce IPv6 none\n }\n}\n");
        GroupConfig g = c.groups().get(0);
        assertEquals("BGPGroupDUS", g.name());
        assertEquals(PeerSettings.builder().remoteAs(Asn.of(65502)).holdTime(30).build(),
                g.settings());
        assertEquals(new NeighborConfig(ip("172.19.0.2"), PeerSettings.builder()
                .description("SiteB").passive(true).holdTime(9).localAddress(ip("172.19.0.1"))
                .port(1179).md5Password(new Secret("s3cr3t")).ttlSecurity(true)
                .maxPrefix(new MaxPrefix(100, OptionalInt.of(5))).announce(Afi.IPV4, true)
                .announce(Afi.IPV6, false).build()), g.neighbors().get(0));
    }

    @Test
    void neighborsInheritGroupSettingsAndGlobalHoldTime() throws Exception {
        BgpdConfig c = parse("AS 65501\nholdtime 60\ngroup G {\n remote-as 65502\n"
                + " descr \"group\"\n passive\n neighbor 172.19.0.2 {\n  descr \"own\"\n }\n"
                + " neighbor 172.19.0.6 { remote-as 65503; holdtime 12 }\n}\n"
                + "neighbor 2001:db8::2 { remote-as 65504 }\n");
        List<ResolvedNeighbor> r = c.resolvedNeighbors();
        assertEquals(3, r.size());
        assertEquals(Asn.of(65502), r.get(0).remoteAs());
        assertEquals(Optional.of("own"), r.get(0).settings().description());
        assertTrue(r.get(0).settings().passive());
        assertEquals(60, r.get(0).holdTime());
        assertEquals(Optional.of("G"), r.get(0).group());
        assertEquals(Asn.of(65503), r.get(1).remoteAs());
        assertEquals(Optional.of("group"), r.get(1).settings().description());
        assertEquals(12, r.get(1).holdTime());
        assertEquals(Optional.empty(), r.get(2).group());
        assertEquals(179, r.get(2).port());
        // default family: the neighbor address's own
        assertTrue(r.get(2).announces(Afi.IPV6));
        assertFalse(r.get(2).announces(Afi.IPV4));
        assertTrue(r.get(0).announces(Afi.IPV4));
    }

    @Test
    void semicolonsSeparateStatementsOnOneLine() throws Exception {
        BgpdConfig c = parse("AS 1; router-id 10.0.0.1\nneighbor 10.0.0.2 { remote-as 2; passive }\n");
        assertTrue(c.neighbors().get(0).settings().passive());
        assertEquals(Optional.of(RouterId.parse("10.0.0.1")), c.routerId());
    }

    @Test
    void filterRulesWithEveryPeerForm() throws Exception {
        BgpdConfig c = parse("AS 1\ngroup \"G\" { remote-as 2\n neighbor 10.0.0.2 {\n}\n}\n"
                + "deny from any\nallow to ebgp\nallow from ibgp\nallow quick from 10.0.0.2\n"
                + "match to group \"G\"\n");
        assertEquals(List.of(new PeerMatch.Any(), new PeerMatch.Ebgp(), new PeerMatch.Ibgp(),
                new PeerMatch.Address(ip("10.0.0.2")), new PeerMatch.Group("G")),
                c.filters().stream().map(FilterRule::peer).collect(java.util.stream.Collectors.toList()));
        assertEquals(List.of(FilterRule.Action.DENY, FilterRule.Action.ALLOW,
                FilterRule.Action.ALLOW, FilterRule.Action.ALLOW, FilterRule.Action.MATCH),
                c.filters().stream().map(FilterRule::action).collect(java.util.stream.Collectors.toList()));
        assertTrue(c.filters().get(3).quick());
        assertEquals(FilterRule.Direction.TO, c.filters().get(4).direction());
    }

    @Test
    void filterRuleWithEveryParameterAndSetList() throws Exception {
        BgpdConfig c = parse("AS 1\nallow from any prefix 198.51.100.0/24 or-longer "
                + "source-as 65502 community 65502:100 large-community 65502:1:2 "
                + "set { localpref 200, med 10\n prepend-self 2 community NO_EXPORT "
                + "nexthop self, nexthop 198.51.100.1 metric 7 }\n");
        assertEquals(new FilterRule(FilterRule.Action.ALLOW, false, FilterRule.Direction.FROM,
                new PeerMatch.Any(), Optional.of(PrefixMatch.orLonger(prefix("198.51.100.0/24"))),
                Optional.of(new AsMatch(AsMatch.Part.SOURCE, Asn.of(65502))),
                Optional.of(Community.of(65502, 100)),
                Optional.of(new LargeCommunity(65502, 1, 2)),
                List.of(new SetAction.LocalPref(200), new SetAction.Med(10),
                        new SetAction.PrependSelf(2), new SetAction.AddCommunity(Community.NO_EXPORT),
                        new SetAction.NextHopSelf(), new SetAction.NextHop(ip("198.51.100.1")),
                        new SetAction.Med(7))), c.filters().get(0));
    }

    @Test
    void asMatchKindsAndSingleSetItem() throws Exception {
        BgpdConfig c = parse("AS 1\ndeny from any AS 64496\ndeny from any transit-as 64497\n"
                + "deny from any peer-as 64498 set localpref 50\n"
                + "deny to any prefix 203.0.113.0/24 prefixlen 25 - 28 community NO_PEER\n");
        assertEquals(new AsMatch(AsMatch.Part.ANY, Asn.of(64496)), c.filters().get(0).asPath().get());
        assertEquals(new AsMatch(AsMatch.Part.TRANSIT, Asn.of(64497)),
                c.filters().get(1).asPath().get());
        assertEquals(new AsMatch(AsMatch.Part.PEER, Asn.of(64498)), c.filters().get(2).asPath().get());
        assertEquals(List.of(new SetAction.LocalPref(50)), c.filters().get(2).set());
        assertEquals(new PrefixMatch(prefix("203.0.113.0/24"), PrefixMatch.LengthOp.RANGE, 25, 28),
                c.filters().get(3).prefix().get());
        assertEquals(Optional.of(Community.NOPEER), c.filters().get(3).community());
    }

    @Test
    void crlfLineEndingsAreAccepted() throws Exception {
        BgpdConfig c = parse("AS 65501\r\nrouter-id 10.0.0.1\r\n");
        assertEquals(Optional.of(RouterId.parse("10.0.0.1")), c.routerId());
    }

    @Test
    void quotedStringEscapes() throws Exception {
        BgpdConfig c = parse("AS 1\nneighbor 10.0.0.2 { remote-as 2\n descr \"a \\\"b\\\" \\\\c\" }\n");
        assertEquals(Optional.of("a \"b\" \\c"), c.neighbors().get(0).settings().description());
    }

    @Test
    void secretIsMaskedInToString() {
        assertEquals("********", new Secret("hunter2").toString());
        PeerSettings s = PeerSettings.builder().md5Password(new Secret("hunter2")).build();
        assertFalse(s.toString().contains("hunter2"));
        assertEquals(Map.of(), s.announce());
    }
}
