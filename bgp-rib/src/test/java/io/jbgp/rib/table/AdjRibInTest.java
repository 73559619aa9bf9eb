package io.jbgp.rib.table;

import static io.jbgp.rib.TestRoutes.attrs;
import static io.jbgp.rib.TestRoutes.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.rib.attr.AttributeSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one-entry-per-path Adj-RIB-In keeps both views right for every import outcome. */
class AdjRibInTest {

    private static final AttributeSet A = attrs(65002).build();
    private static final AttributeSet B = attrs(65002, 65003).build();
    private static final Nlri P1 = Nlri.of(prefix("198.51.100.0/24"));
    private static final Nlri P2 = Nlri.of(prefix("203.0.113.0/24"));
    private static final Nlri P3 = Nlri.of(prefix("203.0.113.128/25"));
    private static final Nlri ADD_PATH_1 = Nlri.of(prefix("198.51.100.0/24"), 1);
    private static final Nlri V6 = Nlri.of(prefix("2001:db8:1::/48"));
    private static final AddressFamily V4 = AddressFamily.IPV4_UNICAST;

    @Test
    void acceptedUnchangedModifiedAndRejectedPathsShowInTheRightViews() {
        AdjRibIn in = new AdjRibIn();
        in.put(P2, A, A);        // accepted as received
        in.put(P1, A, B);        // accepted, modified by policy
        in.put(P3, B, null);     // rejected
        in.put(ADD_PATH_1, B, B);
        in.put(V6, A, A);
        assertEquals(Map.of(P1, A, P2, A, P3, B, ADD_PATH_1, B), in.prePolicy(V4));
        assertEquals(Map.of(P1, B, P2, A, ADD_PATH_1, B), in.postPolicy(V4));
        assertEquals(List.of(P1, ADD_PATH_1, P2, P3), List.copyOf(in.prePolicy(V4).keySet()), "prefix order");
        assertEquals(4, in.size(V4));
        assertEquals(3, in.acceptedSize(V4));
        assertEquals(1, in.size(AddressFamily.IPV6_UNICAST));
        assertSame(A, in.received(P1));
        assertSame(B, in.accepted(P1));
        assertNull(in.accepted(P3));
        assertTrue(in.contains(P3));
        assertFalse(in.contains(Nlri.of(prefix("198.51.100.0/24"), 2)));
    }

    @Test
    void replacingAndRemovingKeepTheCountsAndSayWhetherThePathWasAccepted() {
        AdjRibIn in = new AdjRibIn();
        in.put(P1, A, A);
        in.put(P1, A, null); // a policy change now rejects it
        assertEquals(1, in.size(V4));
        assertEquals(0, in.acceptedSize(V4));
        assertFalse(in.remove(P1), "it was rejected: the Loc-RIB does not hold it");
        in.put(P2, B, A);
        assertTrue(in.remove(P2));
        assertFalse(in.remove(P2), "already gone");
        in.put(ADD_PATH_1, A, A);
        assertTrue(in.remove(ADD_PATH_1));
        assertEquals(0, in.size(V4));
        assertEquals(0, in.acceptedSize(V4));
        assertEquals(Map.of(), in.prePolicy(V4));
    }
}
