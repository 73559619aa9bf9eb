package io.jbgp.rib.attr;

import static io.jbgp.rib.TestRoutes.addr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.AtomicAggregate;
import io.jbgp.core.attr.Communities;
import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunities;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.core.attr.LocalPref;
import io.jbgp.core.attr.MultiExitDisc;
import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.OriginatorId;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.types.RouterId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AttributeSet round-trips wire attributes, equality is deep, and interning canonicalises. */
class AttributeSetTest {

    private static PathAttributes wire() {
        return PathAttributes.of(Origin.EGP, AsPath.sequence(65002, 65010), NextHop.parse("10.0.0.2"),
                MultiExitDisc.of(7), LocalPref.of(150), AtomicAggregate.INSTANCE,
                new Communities(List.of(Community.of(65002, 2), Community.of(65002, 1), Community.of(65002, 1))),
                new LargeCommunities(List.of(new LargeCommunity(65002, 1, 1))), new OriginatorId(RouterId.parse("10.9.9.9")));
    }

    @Test
    void roundTripsWireAttributesWithCommunitiesSortedAndDeduplicated() {
        AttributeSet a = AttributeSet.of(wire(), null);
        assertEquals(Origin.EGP, a.origin());
        assertEquals(addr("10.0.0.2"), a.nextHop());
        assertEquals(7, a.med());
        assertEquals(150, a.localPref());
        assertEquals(RouterId.parse("10.9.9.9"), a.originatorId());
        assertEquals(List.of(Community.of(65002, 1), Community.of(65002, 2)), a.communities().standard());
        assertEquals(a, AttributeSet.of(a.toPathAttributes(true), null));
        // an MP_REACH next hop overrides NEXT_HOP
        assertEquals(addr("2001:db8::1"), AttributeSet.of(wire(), addr("2001:db8::1")).nextHop());
        assertEquals(false, a.toPathAttributes(false).has(io.jbgp.core.attr.PathAttribute.NEXT_HOP));
    }

    @Test
    void internerReturnsOneCanonicalInstanceWithCanonicalCommunities() {
        AttributeInterner interner = new AttributeInterner();
        AttributeSet a = AttributeSet.of(wire(), null);
        AttributeSet b = AttributeSet.of(wire(), null);
        assertNotSame(a, b);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        AttributeSet ia = interner.intern(a);
        assertSame(ia, interner.intern(b));
        AttributeSet other = a.toBuilder().med(8).build();
        assertSame(ia.communities(), interner.intern(other).communities(), "community sets are shared across sets");
    }
}
