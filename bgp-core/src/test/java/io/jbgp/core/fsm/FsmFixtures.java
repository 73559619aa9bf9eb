package io.jbgp.core.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.SpeakerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/** Shared configuration, OPENs and the action matcher for FSM tests. */
public final class FsmFixtures {
    public static final long SECOND = 1_000_000_000L;
    public static final Asn LOCAL_AS = Asn.of(65001);
    public static final Asn REMOTE_AS = Asn.of(65002);
    public static final RouterId LOCAL_ID = RouterId.parse("10.0.0.1");
    public static final RouterId REMOTE_ID = RouterId.parse("10.0.0.2");
    public static final InetAddress LOCAL_ADDRESS = address("127.0.0.1");
    public static final InetAddress REMOTE_ADDRESS = address("127.0.0.2");
    public static final InetSocketAddress LOCAL_END = new InetSocketAddress(LOCAL_ADDRESS, 40000);
    public static final InetSocketAddress REMOTE_END = new InetSocketAddress(REMOTE_ADDRESS, 179);

    private FsmFixtures() {}

    public static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    public static SpeakerConfig speaker() {
        return SpeakerConfig.builder(LOCAL_AS, LOCAL_ID).build();
    }

    public static PeerConfig.Builder peerBuilder() {
        return PeerConfig.builder(REMOTE_ADDRESS, REMOTE_AS);
    }

    public static PeerConfig peer() {
        return peerBuilder().build();
    }

    /** Fixed seed: the jitter is reproducible. */
    public static RandomGenerator random() {
        return new SplittableRandom(42);
    }

    public static Session session(PeerConfig config) {
        return new Session(speaker(), config, random());
    }

    public static Session session() {
        return session(peer());
    }

    public static Session session(TimerConfig timers) {
        return session(peerBuilder().timers(timers).build());
    }

    /** The OPEN a well-behaved remote (65002, 10.0.0.2) sends. */
    public static OpenMessage remoteOpen(int holdTime) {
        return OpenMessage.of(REMOTE_AS, holdTime, REMOTE_ID, List.of(
                new Capability.MultiProtocol(AddressFamily.IPV4_UNICAST), new Capability.RouteRefresh(),
                new Capability.FourOctetAs(REMOTE_AS)));
    }

    public static OpenMessage remoteOpen() {
        return remoteOpen(90);
    }

    /** Asserts the exact sequence of action types and returns the actions. */
    @SafeVarargs
    public static List<SessionAction> assertActions(List<SessionAction> actions,
                                                    Class<? extends SessionAction>... types) {
        List<Class<?>> actual = actions.stream().map(Object::getClass).collect(Collectors.toList());
        if (!actual.equals(Arrays.asList(types))) {
            fail("expected " + Arrays.stream(types).map(Class::getSimpleName).collect(Collectors.toList())
                    + " but got " + actions);
        }
        return actions;
    }

    /** The session actions of a peer action list, in order. */
    public static List<SessionAction> actionsOf(List<PeerAction> actions) {
        List<SessionAction> out = new ArrayList<>();
        for (PeerAction a : actions) {
            out.add(a.action());
        }
        return out;
    }

    /** The actions addressed to one session. */
    public static List<SessionAction> actionsFor(Session s, List<PeerAction> actions) {
        List<SessionAction> out = new ArrayList<>();
        for (PeerAction a : actions) {
            if (a.session() == s) {
                out.add(a.action());
            }
        }
        return out;
    }

    /** The message of the {@code index}-th action, which must be a Send. */
    public static BgpMessage sent(List<SessionAction> actions, int index) {
        SessionAction a = actions.get(index);
        if (!(a instanceof SessionAction.Send s)) {
            throw new AssertionError("action " + index + " is not a Send: " + actions);
        }
        return s.message();
    }

    /** The NOTIFICATION sent by the {@code index}-th action. */
    public static NotificationMessage notificationSent(List<SessionAction> actions, int index) {
        BgpMessage m = sent(actions, index);
        if (!(m instanceof NotificationMessage n)) {
            throw new AssertionError("action " + index + " sends " + m + ", not a NOTIFICATION");
        }
        return n;
    }

    public static void assertNotification(io.jbgp.core.error.BgpError expected, NotificationMessage n) {
        assertEquals(expected.code().code(), n.code(), () -> "code of " + n);
        assertEquals(expected.subcode(), n.subcode(), () -> "subcode of " + n);
    }
}
