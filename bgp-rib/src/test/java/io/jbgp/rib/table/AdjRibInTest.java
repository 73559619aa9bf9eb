package io.jbgp.rib.table;

import static io.jbgp.rib.TestRoutes.LOCAL_AS;
import static io.jbgp.rib.TestRoutes.LOCAL_ID;
import static io.jbgp.rib.TestRoutes.attrs;
import static io.jbgp.rib.TestRoutes.peer;
import static io.jbgp.rib.TestRoutes.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.decision.DecisionOptions;
import io.jbgp.rib.decision.DecisionProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Adj-RIB-In keeps both views right for every import outcome while sharing the accepted
 * paths with the Loc-RIB. The tests follow the RIB's protocol: {@code put} first, then the
 * Loc-RIB brought in line (accepted path added, rejected one removed).
 */
class AdjRibInTest {

    private static final AttributeSet A = attrs(65002).build();
    private static final AttributeSet B = attrs(65002, 65003).build();
    private static final Nlri P1 = Nlri.of(prefix("198.51.100.0/24"));
    private static final Nlri P2 = Nlri.of(prefix("203.0.113.0/24"));
    private static final Nlri P3 = Nlri.of(prefix("203.0.113.128/25"));
    private static final Nlri ADD_PATH_1 = Nlri.of(prefix("198.51.100.0/24"), 1);
    private static final Nlri V6 = Nlri.of(prefix("2001:db8:1::/48"));
    private static final AddressFamily V4 = AddressFamily.IPV4_UNICAST;
    private static final PeerSource PEER = peer(2, 65002);
    private static final PeerSource OTHER = peer(3, 65003);

    private final LocRib locRib = new LocRib(new DecisionProcess(DecisionOptions.DEFAULT, LOCAL_AS, LOCAL_ID));
    private final AdjRibIn in = new AdjRibIn(locRib, PEER);

    // what the RIB does for one received path
    private void receive(Nlri n, AttributeSet received, AttributeSet accepted) {
        in.put(n, received, accepted);
        if (accepted == null) {
            locRib.withdraw(n.prefix(), PEER, n.pathId());
        } else {
            locRib.update(n.prefix(), new Route(PEER, n.pathId(), accepted, 0, Eligibility.ELIGIBLE, 0));
        }
    }

    private void withdraw(Nlri n, boolean expectAccepted) {
        assertEquals(expectAccepted, in.remove(n), "remove " + n);
        locRib.withdraw(n.prefix(), PEER, n.pathId());
    }

    @Test
    void acceptedUnchangedModifiedAndRejectedPathsShowInTheRightViews() {
        // another neighbor's path for the same prefix is not ours
        locRib.update(P3.prefix(), new Route(OTHER, Nlri.NO_PATH_ID, A, 0, Eligibility.ELIGIBLE, 0));
        receive(P2, A, A);        // accepted as received: kept only in the Loc-RIB
        receive(P1, A, B);        // accepted, modified by policy
        receive(P3, B, null);     // rejected
        receive(ADD_PATH_1, B, B);
        receive(V6, A, A);
        assertEquals(Map.of(P1, A, P2, A, P3, B, ADD_PATH_1, B), in.prePolicy(V4));
        assertEquals(Map.of(P1, B, P2, A, ADD_PATH_1, B), in.postPolicy(V4));
        assertEquals(List.of(P1, ADD_PATH_1, P2, P3), List.copyOf(in.prePolicy(V4).keySet()), "prefix order");
        assertEquals(Map.of(V6, A), in.prePolicy(AddressFamily.IPV6_UNICAST));
        assertEquals(4, in.size(V4));
        assertEquals(3, in.acceptedSize(V4));
        assertEquals(1, in.size(AddressFamily.IPV6_UNICAST));
        assertSame(A, in.received(P1));
        assertSame(B, in.accepted(P1));
        assertSame(A, in.received(P2));
        assertNull(in.accepted(P3));
        assertTrue(in.contains(P3));
        assertTrue(in.contains(P2));
        assertFalse(in.contains(Nlri.of(prefix("198.51.100.0/24"), 2)));
        assertFalse(in.contains(Nlri.of(prefix("198.51.100.128/25"))));
    }

    @Test
    void replacingAndRemovingKeepTheCountsAndSayWhetherThePathWasAccepted() {
        receive(P1, A, A);
        receive(P1, A, null); // a policy change now rejects it
        assertEquals(1, in.size(V4));
        assertEquals(0, in.acceptedSize(V4));
        receive(P1, A, A);    // and accepts it again, as received
        assertEquals(1, in.size(V4));
        assertEquals(1, in.acceptedSize(V4));
        assertEquals(Map.of(P1, A), in.postPolicy(V4));
        receive(P1, B, null);
        withdraw(P1, false); // it was rejected: the Loc-RIB does not hold it
        receive(P2, B, A);
        withdraw(P2, true);
        withdraw(P2, false); // already gone
        receive(P3, A, A);
        withdraw(P3, true);
        receive(ADD_PATH_1, A, A);
        withdraw(ADD_PATH_1, true);
        assertEquals(0, in.size(V4));
        assertEquals(0, in.acceptedSize(V4));
        assertEquals(Map.of(), in.prePolicy(V4));
        assertEquals(0, locRib.size(V4));
    }
}
