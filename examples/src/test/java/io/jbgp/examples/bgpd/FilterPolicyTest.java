package io.jbgp.examples.bgpd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.Community;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.examples.config.BgpdConfig;
import io.jbgp.examples.config.BgpdConfigParser;
import io.jbgp.examples.config.FilterRule;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.attr.CommunitySet;
import io.jbgp.rib.policy.PolicyResult;
import io.jbgp.rib.policy.RouteContext;
import io.jbgp.rib.table.Neighbor;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bgpd.conf filter semantics: last match decides, quick stops, sets accumulate, default deny. */
class FilterPolicyTest {
    private static final InetAddress PEER = IpPrefix.parseAddress("127.0.70.2");
    private static final InetAddress OTHER = IpPrefix.parseAddress("127.0.70.3");
    private static final AttributeSet PATH = AttributeSet.builder().asPath(AsPath.sequence(65502, 64999))
            .nextHop(PEER).build();

    private static FilterPolicy policy(String rules, FilterRule.Direction d) throws Exception {
        BgpdConfig c = BgpdConfigParser.parse("t.conf", "AS 65501\nrouter-id 10.1.0.1\n"
                + "group \"g\" {\n remote-as 65502\n neighbor 127.0.70.2 { }\n}\n"
                + "neighbor 127.0.70.3 { remote-as 65503 }\n" + rules);
        return new FilterPolicy(c.filters(), d, Map.of(PEER, "g"), 65501);
    }

    private static PolicyResult apply(FilterPolicy p, String prefix, InetAddress from) {
        Neighbor n = Neighbor.of(from, Asn.of(65502), RouterId.parse("10.2.0.1"), Asn.of(65501),
                IpPrefix.parseAddress("127.0.70.1"));
        return p.apply(new RouteContext(IpPrefix.parse(prefix), PATH, n.source(), n));
    }

    @Test
    void withoutAnAllowEverythingIsDenied() throws Exception {
        assertEquals(false, apply(policy("", FilterRule.Direction.FROM), "203.0.113.0/24", PEER).isAccepted());
        FilterPolicy p = policy("deny from any\nallow from 127.0.70.2\n", FilterRule.Direction.FROM);
        assertEquals(true, apply(p, "203.0.113.0/24", PEER).isAccepted());
        assertEquals(false, apply(p, "203.0.113.0/24", OTHER).isAccepted());
    }

    @Test
    void lastMatchingRuleDecidesUnlessAQuickRuleMatchedFirst() throws Exception {
        FilterPolicy last = policy("allow from any\ndeny from group \"g\" prefix 203.0.113.0/24\n",
                FilterRule.Direction.FROM);
        assertEquals(false, apply(last, "203.0.113.0/24", PEER).isAccepted());
        assertEquals(true, apply(last, "198.51.100.0/24", PEER).isAccepted());
        FilterPolicy quick = policy("allow quick from any\ndeny from any\n", FilterRule.Direction.FROM);
        assertEquals(true, apply(quick, "203.0.113.0/24", PEER).isAccepted());
    }

    @Test
    void setsOfEveryMatchingRuleApplyAndDirectionsStayApart() throws Exception {
        FilterPolicy p = policy("allow to any set { localpref 200, community 65501:7 }\n"
                + "match to 127.0.70.2 prefix 203.0.113.0/24 or-longer set { med 5, nexthop 198.51.100.1, prepend-self 2 }\n"
                + "deny from any\n", FilterRule.Direction.TO);
        PolicyResult r = apply(p, "203.0.113.128/25", PEER);
        AttributeSet want = PATH.toBuilder().localPref(200).med(5).nextHop(IpPrefix.parseAddress("198.51.100.1"))
                .asPath(AsPath.sequence(65501, 65501, 65502, 64999))
                .communities(CommunitySet.of(Community.parse("65501:7"))).build();
        assertEquals(new PolicyResult.Accept(want), r);
        // an IPv4 next hop is not applied to an IPv6 prefix
        PolicyResult v6 = apply(p, "2001:db8::/32", PEER);
        assertEquals(PEER, ((PolicyResult.Accept) v6).attributes().nextHop());
    }

    @Test
    void communityConditionsMatchTheRoutesCommunities() throws Exception {
        FilterPolicy p = policy("allow from any\ndeny from any community 65502:666\n"
                + "match from any community NO_EXPORT set localpref 50\n", FilterRule.Direction.FROM);
        Neighbor n = Neighbor.of(PEER, Asn.of(65502), RouterId.parse("10.2.0.1"), Asn.of(65501),
                IpPrefix.parseAddress("127.0.70.1"));
        AttributeSet blackholed = PATH.toBuilder().communities(CommunitySet.of(Community.parse("65502:666"))).build();
        AttributeSet noExport = PATH.toBuilder().communities(CommunitySet.of(Community.NO_EXPORT)).build();
        IpPrefix net = IpPrefix.parse("203.0.113.0/24");
        assertEquals(false, p.apply(new RouteContext(net, blackholed, n.source(), n)).isAccepted());
        assertEquals(new PolicyResult.Accept(noExport.toBuilder().localPref(50).build()),
                p.apply(new RouteContext(net, noExport, n.source(), n)));
        assertEquals(new PolicyResult.Accept(PATH), p.apply(new RouteContext(net, PATH, n.source(), n)));
    }

    @Test
    void asPathConditions() throws Exception {
        assertEquals(true, apply(policy("allow from any source-as 64999\n", FilterRule.Direction.FROM),
                "203.0.113.0/24", PEER).isAccepted());
        assertEquals(false, apply(policy("allow from any peer-as 64999\n", FilterRule.Direction.FROM),
                "203.0.113.0/24", PEER).isAccepted());
        assertEquals(true, apply(policy("allow from any transit-as 65502\n", FilterRule.Direction.FROM),
                "203.0.113.0/24", PEER).isAccepted());
        assertEquals(false, apply(policy("allow from any transit-as 64999\n", FilterRule.Direction.FROM),
                "203.0.113.0/24", PEER).isAccepted());
    }
}
