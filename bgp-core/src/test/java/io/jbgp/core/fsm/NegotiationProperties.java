package io.jbgp.core.fsm;

import static io.jbgp.core.fsm.FsmFixtures.LOCAL_END;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_END;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.jbgp.core.message.Capability;
import io.jbgp.core.message.Capability.AddPath.Mode;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Negotiation is symmetric: whatever two speakers advertise, each side's view of the session is
 * the mirror of the other's (same hold time and families; what one sends with ADD-PATH the other
 * receives), so both ends of a connection use the same wire format.
 */
class NegotiationProperties {
    private static final List<AddressFamily> FAMILIES = List.of(AddressFamily.IPV4_UNICAST,
            AddressFamily.IPV6_UNICAST, AddressFamily.of(1, 2), AddressFamily.of(25, 65));

    static Gen<OpenMessage> opens(long as, String id) {
        Gen<List<Boolean>> mp = SourceDSL.lists().of(Generate.booleans()).ofSize(FAMILIES.size());
        Gen<List<Integer>> addPath = SourceDSL.lists().of(Generate.range(0, 3)).ofSize(FAMILIES.size());
        Gen<List<Boolean>> flags = SourceDSL.lists().of(Generate.booleans()).ofSize(4);
        Gen<Integer> hold = Generate.pick(List.of(0, 3, 9, 90, 180, 65535));
        return mp.zip(addPath, flags, hold, (families, modes, f, h) -> {
            List<Capability> caps = new ArrayList<>();
            List<Capability.AddPath.Entry> entries = new ArrayList<>();
            for (int i = 0; i < FAMILIES.size(); i++) {
                if (families.get(i)) {
                    caps.add(new Capability.MultiProtocol(FAMILIES.get(i)));
                }
                if (modes.get(i) > 0) {
                    entries.add(new Capability.AddPath.Entry(FAMILIES.get(i), Mode.fromCode(modes.get(i))));
                }
            }
            if (!entries.isEmpty()) {
                caps.add(new Capability.AddPath(entries));
            }
            if (f.get(0)) {
                caps.add(new Capability.FourOctetAs(Asn.of(as)));
            }
            if (f.get(1)) {
                caps.add(new Capability.ExtendedMessage());
            }
            if (f.get(2)) {
                caps.add(new Capability.RouteRefresh());
            }
            if (f.get(3)) {
                caps.add(new Capability.EnhancedRouteRefresh());
            }
            return OpenMessage.of(Asn.of(as), h, RouterId.parse(id), caps);
        });
    }

    @Test
    void bothEndsAgreeOnTheSession() {
        qt().withFixedSeed(0x4E60L).withExamples(3000)
                .forAll(opens(65001, "10.0.0.1"), opens(65002, "10.0.0.2"), Generate.range(0, 100))
                .checkAssert((a, b, keepalive) -> {
                    NegotiatedSession ab = Negotiation.negotiate(a, b, keepalive, LOCAL_END, REMOTE_END);
                    NegotiatedSession ba = Negotiation.negotiate(b, a, keepalive, REMOTE_END, LOCAL_END);
                    assertEquals(ab.holdTime(), ba.holdTime());
                    assertEquals(Math.min(a.holdTime(), b.holdTime()), ab.holdTime().seconds());
                    assertTrue(ab.keepaliveSeconds() <= ab.holdTime().seconds() / 3);
                    assertTrue(ab.holdTime().isZero() || ab.keepaliveSeconds() >= 1);
                    assertEquals(new HashSet<>(ab.families()), new HashSet<>(ba.families()));
                    assertEquals(ab.codecContext().fourOctetAs(), ba.codecContext().fourOctetAs());
                    assertEquals(ab.codecContext().extendedMessage(), ba.codecContext().extendedMessage());
                    // what one side sends with path ids, the other expects to receive with them
                    assertEquals(ab.codecContext().addPathSend(), ba.codecContext().addPathReceive());
                    assertEquals(ab.codecContext().addPathReceive(), ba.codecContext().addPathSend());
                    Set<AddressFamily> fams = new HashSet<>(ab.families());
                    assertTrue(fams.containsAll(ab.addPath().keySet()), "ADD-PATH only for negotiated families");
                    for (AddressFamily f : ab.families()) {
                        assertTrue(a.families().contains(f) && b.families().contains(f));
                    }
                });
    }
}
