package io.jbgp.core.fsm;

import static io.jbgp.core.fsm.FsmFixtures.LOCAL_END;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_AS;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_END;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_ID;
import static io.jbgp.core.fsm.FsmFixtures.SECOND;
import static io.jbgp.core.fsm.FsmFixtures.peerBuilder;
import static io.jbgp.core.fsm.FsmFixtures.remoteOpen;
import static io.jbgp.core.fsm.FsmFixtures.speaker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.SessionAction.CloseConnection;
import io.jbgp.core.fsm.SessionAction.Down;
import io.jbgp.core.fsm.SessionAction.Established;
import io.jbgp.core.fsm.SessionAction.Send;
import io.jbgp.core.fsm.SessionEvent.AutomaticStart;
import io.jbgp.core.fsm.SessionEvent.AutomaticStop;
import io.jbgp.core.fsm.SessionEvent.DecodeFailed;
import io.jbgp.core.fsm.SessionEvent.ManualStart;
import io.jbgp.core.fsm.SessionEvent.ManualStop;
import io.jbgp.core.fsm.SessionEvent.MessageReceived;
import io.jbgp.core.fsm.SessionEvent.SendBufferDrained;
import io.jbgp.core.fsm.SessionEvent.SendBufferStalled;
import io.jbgp.core.fsm.SessionEvent.TcpClosed;
import io.jbgp.core.fsm.SessionEvent.TcpConnected;
import io.jbgp.core.fsm.SessionEvent.TcpConnectionFails;
import io.jbgp.core.fsm.SessionEvent.UpdateTreatedAsWithdraw;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.Bytes;
import io.jbgp.core.types.RouterId;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * FSM invariants over generated event sequences at generated times (STYLE §10.3): whatever the
 * peer and the network do, the session never throws, reaches Established only through an accepted
 * OPEN and a KEEPALIVE, keeps the hold timer exactly in the states that need it, and ends every
 * local error with exactly one NOTIFICATION followed by CloseConnection.
 */
class SessionProperties {
    private static final long SEED = 0x5EED_F5A1L;

    /** One input: an event (or a bare poll when {@code event} is null) after {@code delay}. */
    record Step(long delay, SessionEvent event, boolean messageSent) {
        @Override
        public String toString() {
            return "+" + delay / 1_000_000 + "ms " + (event == null ? (messageSent ? "messageSent" : "poll") : event);
        }
    }

    /** The session's configuration knobs that change its behaviour. */
    record Setup(int holdTime, boolean delayOpen, long seed) {
        TimerConfig timers() {
            return TimerConfig.builder().holdTime(Duration.ofSeconds(holdTime))
                    .delayOpen(delayOpen ? Duration.ofSeconds(5) : Duration.ZERO).build();
        }
    }

    static final List<OpenMessage> VALID_OPENS = List.of(remoteOpen(0), remoteOpen(3), remoteOpen(90),
            remoteOpen(300));
    static final List<OpenMessage> INVALID_OPENS = List.of(remoteOpen(1), remoteOpen(2),
            new OpenMessage(3, 65002, 90, REMOTE_ID, List.of()),
            OpenMessage.of(Asn.of(65077), 90, REMOTE_ID, List.of()),
            OpenMessage.of(REMOTE_AS, 90, RouterId.of(0), List.of()));

    static Gen<SessionEvent> events() {
        Gen<SessionEvent> opens = Generate.pick(VALID_OPENS).map(o -> (SessionEvent) new MessageReceived(o));
        Gen<SessionEvent> badOpens = Generate.pick(INVALID_OPENS).map(o -> (SessionEvent) new MessageReceived(o));
        Gen<SessionEvent> messages = Generate.pick(List.of(
                new MessageReceived(KeepaliveMessage.INSTANCE),
                new MessageReceived(UpdateMessage.withdraw(List.of())),
                new MessageReceived(NotificationMessage.cease(BgpError.CEASE_ADMINISTRATIVE_RESET, "reset")),
                new MessageReceived(RouteRefreshMessage.request(AddressFamily.IPV4_UNICAST)),
                new UpdateTreatedAsWithdraw(UpdateMessage.withdraw(List.of()), BgpError.UPDATE_MALFORMED_AS_PATH),
                new DecodeFailed(BgpError.HEADER_BAD_MESSAGE_LENGTH, Bytes.fromHex("0012"))));
        Gen<SessionEvent> control = Generate.pick(List.of(
                new ManualStart(false), new ManualStart(true), new AutomaticStart(false),
                new ManualStop(Optional.empty()), new ManualStop(Optional.of("maintenance")),
                new AutomaticStop(BgpError.CEASE_MAX_PREFIXES_REACHED, Optional.empty()),
                new TcpConnected(LOCAL_END, REMOTE_END, false), new TcpConnected(LOCAL_END, REMOTE_END, true),
                new TcpConnectionFails("reset"), new TcpClosed(),
                new SendBufferStalled(), new SendBufferDrained()));
        Gen<SessionEvent> keepalive = Generate.constant(new MessageReceived(KeepaliveMessage.INSTANCE));
        return Generate.frequency(List.of(Pair.of(4, opens), Pair.of(1, badOpens), Pair.of(4, messages),
                Pair.of(5, control), Pair.of(3, keepalive)));
    }

    static Gen<Long> delays() {
        Gen<Long> landmarks = Generate.pick(List.of(0L, 1_000_000L, SECOND, 10 * SECOND, 31 * SECOND,
                91 * SECOND, 241 * SECOND, 481 * SECOND));
        return Generate.frequency(List.of(Pair.of(3, landmarks),
                Pair.of(2, Generate.longRange(0, 300 * SECOND))));
    }

    static Gen<Step> steps() {
        Gen<Integer> kind = Generate.range(0, 9);
        return kind.zip(delays(), events(), (k, d, e) -> k == 0 ? new Step(d, null, false)
                : k == 1 ? new Step(d, null, true) : new Step(d, e, false));
    }

    /**
     * Sequences that follow the happy path (start, connect, OPEN, KEEPALIVE) for a generated
     * number of steps, with generated noise spliced in at a generated position, then a random
     * tail: most runs get deep into the state machine, some are derailed on the way.
     */
    static Gen<List<Step>> scripts() {
        Gen<List<Step>> noise = Generate.frequency(List.of(Pair.of(2, Generate.constant(List.<Step>of())),
                Pair.of(1, SourceDSL.lists().of(steps()).ofSizeBetween(1, 3))));
        Gen<Integer> happyLengths = Generate.frequency(List.of(Pair.of(3, Generate.constant(4)),
                Pair.of(2, Generate.range(0, 3))));
        Gen<List<Step>> tail = SourceDSL.lists().of(steps()).ofSizeBetween(0, 50);
        Gen<OpenMessage> open = Generate.pick(VALID_OPENS);
        return happyLengths.zip(Generate.range(0, 4), noise, tail.zip(open, Pair::of),
                (happyLength, noiseAt, noiseSteps, tailAndOpen) -> {
                    List<Step> happy = List.of(new Step(SECOND, new ManualStart(false), false),
                            new Step(SECOND, new TcpConnected(LOCAL_END, REMOTE_END, false), false),
                            new Step(SECOND, new MessageReceived(tailAndOpen._2), false),
                            new Step(SECOND, new MessageReceived(KeepaliveMessage.INSTANCE), false));
                    List<Step> out = new java.util.ArrayList<>(happy.subList(0, happyLength));
                    out.addAll(Math.min(noiseAt, out.size()), noiseSteps);
                    out.addAll(tailAndOpen._1);
                    return out;
                });
    }

    static Gen<List<Step>> sequences() {
        return Generate.frequency(List.of(Pair.of(1, SourceDSL.lists().of(steps()).ofSizeBetween(1, 60)),
                Pair.of(3, scripts())));
    }

    static Gen<Setup> setups() {
        return Generate.pick(List.of(0, 3, 90)).zip(Generate.booleans(), Generate.longRange(0, 1000), Setup::new);
    }

    @Test
    void sessionInvariantsHoldForAnyEventSequence() {
        qt().withFixedSeed(SEED).withExamples(3000)
                .forAll(setups(), sequences())
                .checkAssert(SessionProperties::run);
    }

    /** Establishment must be reachable by the generator, or the other properties prove little. */
    @Test
    void generatorReachesEstablishedOften() {
        int[] established = {0};
        qt().withFixedSeed(SEED).withExamples(500)
                .forAll(setups(), sequences())
                .checkAssert((setup, steps) -> {
                    if (run(setup, steps)) {
                        established[0]++;
                    }
                });
        assertTrue(established[0] > 150, "only " + established[0] + " of 500 runs reached Established");
    }

    /** Drives one session like a driver would; returns true when it reached Established. */
    static boolean run(Setup setup, List<Step> steps) {
        Session s = new Session(speaker(), peerBuilder().timers(setup.timers()).build(),
                new SplittableRandom(setup.seed()));
        Model model = new Model();
        long now = 1_000 * SECOND;
        for (Step step : steps) {
            now += step.delay();
            // the driver's wake-up fires at the deadline, before anything else at this time
            check(s, model, null, s.state(), s.poll(now), now);
            SessionState before = s.state();
            if (step.event() == null) {
                if (step.messageSent()) {
                    s.messageSent(now);
                }
                check(s, model, null, before, s.poll(now), now);
            } else {
                check(s, model, step.event(), before, s.handle(step.event(), now), now);
            }
        }
        return model.everEstablished;
    }

    /** What the checker remembers across steps. */
    static final class Model {
        boolean validOpenAccepted;
        boolean everEstablished;
        int opensSent;
    }

    private static final Set<SessionState> HOLD_STATES =
            EnumSet.of(SessionState.OPEN_SENT, SessionState.OPEN_CONFIRM, SessionState.ESTABLISHED);

    static void check(Session s, Model model, SessionEvent cause, SessionState before, List<SessionAction> actions,
                      long now) {
        SessionState after = s.state();
        long notifications = actions.stream()
                .filter(a -> a instanceof Send send && send.message() instanceof NotificationMessage).count();
        long closes = actions.stream().filter(a -> a instanceof CloseConnection).count();
        long downs = actions.stream().filter(a -> a instanceof Down).count();
        model.opensSent += (int) actions.stream()
                .filter(a -> a instanceof Send send && send.message() instanceof OpenMessage).count();
        assertTrue(model.opensSent <= 1, "more than one OPEN sent: " + actions);

        // entering OpenConfirm needs an acceptable OPEN as the cause
        if (after == SessionState.OPEN_CONFIRM && before != SessionState.OPEN_CONFIRM) {
            assertTrue(cause instanceof MessageReceived m && VALID_OPENS.contains(m.message()),
                    "OpenConfirm entered on " + cause);
            model.validOpenAccepted = true;
        }
        // Established only from OpenConfirm on a KEEPALIVE, after an accepted OPEN, with one action
        long establishedActions = actions.stream().filter(a -> a instanceof Established).count();
        if (after == SessionState.ESTABLISHED && before != SessionState.ESTABLISHED) {
            assertEquals(SessionState.OPEN_CONFIRM, before);
            assertTrue(cause instanceof MessageReceived m && m.message() instanceof KeepaliveMessage,
                    "Established on " + cause);
            assertTrue(model.validOpenAccepted);
            assertEquals(1, establishedActions, actions.toString());
            model.everEstablished = true;
        } else {
            assertEquals(0, establishedActions, actions.toString());
        }

        if (after == SessionState.IDLE && before != SessionState.IDLE) {
            // exactly one Down, last, after exactly one CloseConnection
            assertEquals(1, downs, actions.toString());
            assertEquals(1, closes, actions.toString());
            Down down = (Down) actions.get(actions.size() - 1);
            assertTrue(actions.get(actions.size() - 2) instanceof CloseConnection, actions.toString());
            assertEquals(model.everEstablished, down.wasEstablished());
            DownReason.Kind kind = down.reason().kind();
            boolean peerOrNetwork = kind == DownReason.Kind.NOTIFICATION_RECEIVED
                    || kind == DownReason.Kind.TCP_CLOSED || kind == DownReason.Kind.TCP_FAILURE;
            if (HOLD_STATES.contains(before) && !peerOrNetwork) {
                // a local decision after our OPEN: exactly one NOTIFICATION, right before the close
                assertEquals(1, notifications, actions.toString());
                assertTrue(actions.get(actions.size() - 3) instanceof Send send
                        && send.message() instanceof NotificationMessage, actions.toString());
                assertEquals(down.reason().notification().orElseThrow(),
                        ((Send) actions.get(actions.size() - 3)).message());
            } else if (peerOrNetwork) {
                assertEquals(0, notifications, actions.toString());
            } else {
                assertTrue(notifications <= 1, actions.toString());
            }
        } else {
            assertEquals(0, downs, actions.toString());
            assertEquals(0, notifications, actions.toString());
            if (before != SessionState.IDLE) {
                assertEquals(0, closes, actions.toString());
            }
        }

        // the hold deadline is armed iff the state needs one and the hold time is not zero
        int hold = s.negotiated().map(n -> n.holdTime().seconds()).orElse(240);
        assertEquals(HOLD_STATES.contains(after) && hold > 0, s.deadline(TimerKind.HOLD).isPresent(),
                () -> "hold deadline in " + after + " with hold " + hold);
        boolean keepaliveState = after == SessionState.OPEN_CONFIRM || after == SessionState.ESTABLISHED;
        assertEquals(keepaliveState && hold > 0, s.deadline(TimerKind.KEEPALIVE).isPresent(), "keepalive in " + after);
        if (s.deadline(TimerKind.CONNECT_RETRY).isPresent()) {
            assertTrue(after == SessionState.CONNECT || after == SessionState.ACTIVE, "connect retry in " + after);
        }
        if (after == SessionState.IDLE) {
            assertTrue(s.nextDeadline().isEmpty(), "timers left in Idle");
        }
        // nextDeadline is the earliest deadline, and polling leaves none overdue
        OptionalLong min = OptionalLong.empty();
        for (TimerKind k : TimerKind.values()) {
            OptionalLong d = s.deadline(k);
            if (d.isPresent()) {
                assertTrue(d.getAsLong() > now || cause != null, () -> k + " overdue after poll");
                if (min.isEmpty() || d.getAsLong() < min.getAsLong()) {
                    min = d;
                }
            }
        }
        assertEquals(min, s.nextDeadline());
        assertFalse(s.deadline(TimerKind.IDLE_HOLD).isPresent());
    }
}
