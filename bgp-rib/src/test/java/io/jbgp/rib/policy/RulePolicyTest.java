package io.jbgp.rib.policy;

import static io.jbgp.rib.TestRoutes.LOCAL_AS;
import static io.jbgp.rib.TestRoutes.addr;
import static io.jbgp.rib.TestRoutes.attrs;
import static io.jbgp.rib.TestRoutes.peer;
import static io.jbgp.rib.TestRoutes.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.AsPathSegment;
import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.attr.CommunitySet;
import io.jbgp.rib.table.Neighbor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed policy API: prefix lists, matches, actions, rule order and combinators. */
class RulePolicyTest {

    private static final Neighbor NEIGHBOR = Neighbor.of(addr("10.0.0.2"), Asn.of(65002), RouterId.parse("10.0.2.1"),
            LOCAL_AS, addr("10.0.0.1"));

    private static RouteContext ctx(String prefix, AttributeSet a) {
        return new RouteContext(prefix(prefix), a, peer(2, 65002), NEIGHBOR);
    }

    private static AttributeSet accepted(PolicyResult r) {
        return ((PolicyResult.Accept) r).attributes();
    }

    @Test
    void prefixListEntriesHonourLengthRanges() {
        PrefixList.Entry exact = PrefixList.Entry.parse("203.0.113.0/24");
        assertTrue(exact.matches(prefix("203.0.113.0/24")));
        assertFalse(exact.matches(prefix("203.0.113.0/25")));
        PrefixList.Entry longer = PrefixList.Entry.parse("203.0.113.0/24 or-longer");
        assertTrue(longer.matches(prefix("203.0.113.128/25")));
        assertFalse(longer.matches(prefix("203.0.112.0/23")));
        PrefixList.Entry range = PrefixList.Entry.parse("203.0.113.0/24 ge 25 le 26");
        assertFalse(range.matches(prefix("203.0.113.0/24")));
        assertTrue(range.matches(prefix("203.0.113.64/26")));
        assertFalse(range.matches(prefix("203.0.113.64/27")));
        assertEquals(new PrefixList.Entry(prefix("0.0.0.0/0"), 25, 32), PrefixList.Entry.parse("0.0.0.0/0 ge 25"));
        assertEquals(new PrefixList.Entry(prefix("2001:db8::/32"), 32, 48), PrefixList.Entry.parse("2001:db8::/32 le 48"));
        assertFalse(PrefixList.Entry.parse("0.0.0.0/0 le 32").matches(prefix("2001:db8::/32")), "families never mix");
        assertThrows(IllegalArgumentException.class, () -> PrefixList.Entry.parse("203.0.113.0/24 ge 20"));
    }

    @Test
    void asPathMatches() {
        AttributeSet a = attrs().asPath(AsPath.of(AsPathSegment.sequence(65002, 65010), AsPathSegment.set(65020, 65021)))
                .build();
        RouteContext c = ctx("198.51.100.0/24", a);
        assertTrue(Match.neighborAs(Asn.of(65002)).test(c));
        assertFalse(Match.neighborAs(Asn.of(65010)).test(c));
        assertFalse(Match.originAs(Asn.of(65020)).test(c), "an AS_SET has no single origin");
        assertTrue(Match.originAs(Asn.of(65010)).test(ctx("198.51.100.0/24", attrs(65002, 65010).build())));
        assertTrue(Match.asPathContains(Asn.of(65021)).test(c));
        assertTrue(Match.asPathLength(3, 3).test(c), "AS_SET counts one");
        assertFalse(Match.asPathLength(0, 2).test(c));
    }

    @Test
    void communityMatchesAndActions() {
        Community c1 = Community.of(65002, 100);
        LargeCommunity l1 = new LargeCommunity(65002, 1, 2);
        AttributeSet a = attrs(65002).communities(CommunitySet.of(List.of(c1), List.of(), List.of(l1))).build();
        assertTrue(Match.community(c1).test(ctx("198.51.100.0/24", a)));
        assertFalse(Match.community(Community.NO_EXPORT).test(ctx("198.51.100.0/24", a)));
        assertTrue(Match.largeCommunity(l1).test(ctx("198.51.100.0/24", a)));
        RulePolicy p = RulePolicy.builder()
                .when(Match.community(c1)).then(Action.deleteCommunities(c1), Action.addCommunities(Community.NO_EXPORT),
                        Action.deleteLargeCommunities(l1), Action.addLargeCommunities(new LargeCommunity(1, 2, 3)))
                .accept()
                .otherwise().reject().build();
        AttributeSet out = accepted(p.apply(ctx("198.51.100.0/24", a)));
        assertEquals(CommunitySet.of(List.of(Community.NO_EXPORT), List.of(), List.of(new LargeCommunity(1, 2, 3))),
                out.communities());
    }

    @Test
    void rulesRunInOrderAndNextContinuesOnTheModifiedRoute() {
        RulePolicy p = RulePolicy.builder()
                .when(Match.prefix(PrefixList.parse("0.0.0.0/0 ge 25"))).reject()
                .when(Match.neighborAs(Asn.of(65002))).then(Action.setLocalPref(200), Action.setMed(5)).next()
                .when(Match.asPathLength(0, 1)).then(Action.prepend(LOCAL_AS, 2)).next()
                .when(Match.asPathLength(3, 3)).then(Action.setNextHop(addr("10.0.0.77"))).accept()
                .otherwise().reject().build();
        assertEquals(new PolicyResult.Reject("rule 1"), p.apply(ctx("198.51.100.0/25", attrs(65002).build())));
        AttributeSet out = accepted(p.apply(ctx("198.51.100.0/24", attrs(65002).build())));
        assertEquals(200, out.localPref());
        assertEquals(5, out.med());
        assertEquals(AsPath.sequence(65001, 65001, 65002), out.asPath());
        assertEquals(addr("10.0.0.77"), out.nextHop());
        // a two-AS path is not prepended, so the length-3 rule does not fire and the default rejects
        assertEquals(new PolicyResult.Reject("default"), p.apply(ctx("198.51.100.0/24", attrs(65002, 65010).build())));
    }

    @Test
    void nextHopSelfUsesOurAddressTowardsTheNeighbor() {
        RulePolicy p = RulePolicy.builder().otherwise().then(Action.nextHopSelf(), Action.deleteMed()).accept().build();
        AttributeSet out = accepted(p.apply(ctx("198.51.100.0/24", attrs(65002).med(9).build())));
        assertEquals(addr("10.0.0.1"), out.nextHop());
        assertFalse(out.hasMed());
        // no IPv6 address towards this neighbor: the next hop stays
        AttributeSet v6 = attrs(65002).nextHop(addr("2001:db8::5")).build();
        assertEquals(addr("2001:db8::5"), accepted(p.apply(ctx("2001:db8:1::/48", v6))).nextHop());
    }

    @Test
    void combinators() {
        RouteContext c = ctx("198.51.100.0/24", attrs(65002).build());
        assertTrue(Policies.allowAll().apply(c).isAccepted());
        assertFalse(Policies.denyAll().apply(c).isAccepted());
        Policies.AnyPolicy lp = r -> PolicyResult.accept(r.attributes().toBuilder().localPref(50).build());
        Policies.AnyPolicy needsLp50 = r -> r.attributes().localPref() == 50 ? PolicyResult.accept(r.attributes())
                : PolicyResult.reject("no");
        assertEquals(50, accepted(Policies.chain(lp, needsLp50).apply(c)).localPref());
        assertFalse(Policies.chain(needsLp50, lp).apply(c).isAccepted());
        assertFalse(Policies.chain(lp, Policies.denyAll(), Policies.allowAll()).apply(c).isAccepted());
        Match m = Match.neighborAs(Asn.of(65002)).and(Match.prefix(PrefixList.of(
                PrefixList.Entry.orLonger(prefix("198.51.100.0/22"))))).or(Match.from(addr("10.0.0.9")));
        assertTrue(m.test(c));
        assertFalse(m.negate().test(c));
        assertTrue(Match.from(addr("10.0.0.2")).test(c));
        assertTrue(Match.neighbor(addr("10.0.0.2")).test(c));
    }

    @Test
    void defaultRuleMustDecide() {
        assertThrows(IllegalStateException.class, () -> RulePolicy.builder().otherwise().next());
        assertThrows(IllegalStateException.class, () -> RulePolicy.builder().when(Match.any()).accept().build());
        IpPrefix unused = prefix("203.0.113.0/24");
        assertTrue(RulePolicy.builder().otherwise().accept().build().apply(ctx(unused.toString(), attrs().build()))
                .isAccepted());
    }
}
