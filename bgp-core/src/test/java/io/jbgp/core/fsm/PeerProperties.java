package io.jbgp.core.fsm;

import static io.jbgp.core.fsm.FsmFixtures.LOCAL_END;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_ADDRESS;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_END;
import static io.jbgp.core.fsm.FsmFixtures.SECOND;
import static io.jbgp.core.fsm.FsmFixtures.peerBuilder;
import static io.jbgp.core.fsm.FsmFixtures.speaker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.fsm.SessionAction.Send;
import io.jbgp.core.message.NotificationMessage;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Peer-level invariants over generated inputs (starts, stops, connections in and out, connect
 * failures, events on either session, polls at generated times): the IdleHold back-off stays
 * within its bounds, a Peer never holds more than two sessions or two Established ones, an
 * enabled Peer always has something to wait for, and a stopped one does nothing on its own.
 */
class PeerProperties {
    private static final TimerConfig TIMERS = TimerConfig.builder().idleHoldInitial(Duration.ofSeconds(10))
            .idleHoldMax(Duration.ofSeconds(80)).idleHoldStable(Duration.ofSeconds(120)).build();
    private static final InetSocketAddress INBOUND_LOCAL = new InetSocketAddress(LOCAL_END.getAddress(), 179);
    private static final InetSocketAddress INBOUND_REMOTE = new InetSocketAddress(REMOTE_ADDRESS, 50000);

    /** One Peer input; {@code target} picks a session (modulo the live ones) for {@code EVENT}. */
    record Input(Kind kind, int target, SessionEvent event, long delay) {
        enum Kind { START, STOP, CONNECTED_IN, CONNECTED_OUT, CONNECT_FAILED, EVENT, POLL }

        @Override
        public String toString() {
            return "+" + delay / 1_000_000 + "ms " + kind + (kind == Kind.EVENT ? " #" + target + " " + event : "");
        }
    }

    static Gen<Input> inputs() {
        Gen<Input.Kind> kinds = Generate.frequency(List.of(
                Pair.of(1, Generate.constant(Input.Kind.START)), Pair.of(1, Generate.constant(Input.Kind.STOP)),
                Pair.of(3, Generate.constant(Input.Kind.CONNECTED_IN)),
                Pair.of(3, Generate.constant(Input.Kind.CONNECTED_OUT)),
                Pair.of(1, Generate.constant(Input.Kind.CONNECT_FAILED)),
                Pair.of(12, Generate.constant(Input.Kind.EVENT)), Pair.of(4, Generate.constant(Input.Kind.POLL))));
        return kinds.zip(Generate.range(0, 1), SessionProperties.events(), SessionProperties.delays(), Input::new);
    }

    @Test
    void peerInvariantsHoldForAnyInputSequence() {
        qt().withFixedSeed(0xBEE5L).withExamples(2000)
                .forAll(Generate.booleans(), Generate.longRange(0, 1000), SourceDSL.lists().of(inputs()).ofSizeBetween(1, 80))
                .checkAssert(PeerProperties::run);
    }

    static void run(boolean passive, long seed, List<Input> inputs) {
        Peer p = new Peer(speaker(), peerBuilder().passive(passive).timers(TIMERS).build(), new SplittableRandom(seed));
        long now = 0;
        for (Input in : inputs) {
            now += in.delay();
            List<PeerAction> actions = p.poll(now);
            check(p, actions, now);
            switch (in.kind()) {
                case START:
                    actions = p.start(now);
                    break;
                case STOP:
                    actions = p.stop(Optional.of("bye"), now);
                    break;
                case CONNECTED_IN:
                    actions = p.connected(INBOUND_LOCAL, INBOUND_REMOTE, true, now).actions();
                    break;
                case CONNECTED_OUT:
                    actions = p.connected(LOCAL_END, REMOTE_END, false, now).actions();
                    break;
                case CONNECT_FAILED:
                    actions = p.connectFailed("refused", now);
                    break;
                case EVENT:
                    List<Session> live = p.sessions();
                    actions = live.isEmpty() ? List.of()
                            : p.handle(live.get(in.target() % live.size()), in.event(), now);
                    break;
                case POLL:
                default:
                    actions = p.poll(now);
                    break;
            }
            check(p, actions, now);
        }
    }

    static void check(Peer p, List<PeerAction> actions, long now) {
        assertTrue(p.sessions().size() <= 2, () -> "sessions: " + p.sessions());
        assertTrue(p.sessions().stream().filter(s -> s.state() == SessionState.ESTABLISHED).count() <= 1);
        assertTrue(p.sessions().stream().noneMatch(s -> s.state() == SessionState.IDLE), "finished sessions kept");
        // IdleHold back-off never exceeds its maximum, nor does an armed IdleHold wait
        assertTrue(p.idleHoldTime().compareTo(TIMERS.idleHoldMax()) <= 0, () -> "back-off " + p.idleHoldTime());
        assertTrue(p.idleHoldTime().compareTo(TIMERS.idleHoldInitial()) >= 0);
        p.idleHoldDeadline().ifPresent(d -> assertTrue(d - now <= TIMERS.idleHoldMax().toNanos()));
        if (p.isEnabled()) {
            // never stuck: a live session, or a restart pending
            assertTrue(!p.sessions().isEmpty() || p.idleHoldDeadline().isPresent(), "enabled but idle forever");
        } else {
            assertTrue(p.sessions().isEmpty(), "stopped with sessions");
            assertFalse(p.idleHoldDeadline().isPresent());
            assertTrue(p.nextDeadline().isEmpty());
        }
        // per session in one batch: at most one NOTIFICATION, and nothing after its close
        for (Session s : actions.stream().map(PeerAction::session).distinct().toList()) {
            List<SessionAction> mine = FsmFixtures.actionsFor(s, actions);
            long notifications = mine.stream()
                    .filter(a -> a instanceof Send send && send.message() instanceof NotificationMessage).count();
            assertTrue(notifications <= 1, mine::toString);
            int close = mine.indexOf(new SessionAction.CloseConnection());
            if (close >= 0) {
                assertEquals(close, mine.size() - 2, mine::toString); // only Down follows
            }
        }
        assertEquals(p.nextDeadline().isPresent(), p.isEnabled()
                && (p.idleHoldDeadline().isPresent() || p.sessions().stream().anyMatch(s -> s.nextDeadline().isPresent())));
    }
}
