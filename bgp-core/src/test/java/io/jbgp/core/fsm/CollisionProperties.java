package io.jbgp.core.fsm;

import static io.jbgp.core.fsm.FsmFixtures.SECOND;
import static io.jbgp.core.fsm.FsmFixtures.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.SpeakerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.error.ErrorCode;
import io.jbgp.core.fsm.SessionAction.CloseConnection;
import io.jbgp.core.fsm.SessionAction.Connect;
import io.jbgp.core.fsm.SessionAction.Send;
import io.jbgp.core.fsm.SessionEvent.MessageReceived;
import io.jbgp.core.fsm.SessionEvent.TcpClosed;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Two {@link Peer}s wired back to back through a tiny in-memory network (in-order delivery per
 * direction, as TCP gives), both active, with generated interleavings of message deliveries,
 * connection completions, connect failures and timer expiries. Whatever the interleaving, once the
 * network calms down each side ends with exactly one Established session, both on the same
 * connection, and no CEASE is ever sent on a connection that both sides have established.
 */
class CollisionProperties {
    private static final InetAddress ADDRESS_A = address("127.0.0.1");
    private static final InetAddress ADDRESS_B = address("127.0.0.2");
    private static final TimerConfig TIMERS = TimerConfig.builder().idleHoldInitial(Duration.ofSeconds(5))
            .idleHoldMax(Duration.ofSeconds(60)).build();
    private static final Object CLOSE = new Object() {
        @Override
        public String toString() {
            return "FIN";
        }
    };

    /** Identities of the two speakers, jitter seeds, and the interleaving choices. */
    record Scenario(RouterId idA, Asn asA, RouterId idB, Asn asB, long seed, List<Integer> choices) {}

    static Gen<Scenario> scenarios() {
        Gen<RouterId> ids = Generate.pick(List.of(RouterId.parse("10.0.0.1"), RouterId.parse("10.0.0.2"),
                RouterId.parse("200.0.0.1")));
        Gen<Asn> ases = Generate.pick(List.of(Asn.of(65001), Asn.of(65002)));
        Gen<List<Integer>> choices = SourceDSL.lists().of(Generate.range(0, 9999)).ofSizeBetween(0, 300);
        return ids.zip(ases, ids, ases, (ia, aa, ib, ab) -> new Object[] {ia, aa, ib, ab})
                .zip(Generate.longRange(0, 1 << 20), choices, (o, seed, c) -> {
                    Asn asB = (Asn) o[3];
                    // the same identifier inside one AS is a configuration error (RFC 6286 §2.2)
                    if (o[0].equals(o[2]) && o[1].equals(asB)) {
                        asB = Asn.of(((Asn) o[1]).value() == 65001 ? 65002 : 65001);
                    }
                    return new Scenario((RouterId) o[0], (Asn) o[1], (RouterId) o[2], asB, seed, c);
                });
    }

    @Test
    void backToBackPeersConvergeOnOneSession() {
        qt().withFixedSeed(0xC011_1DEL).withExamples(1500).forAll(scenarios())
                .checkAssert(s -> new Network(s).run());
    }

    @Test
    void simultaneousOpenIsResolvedWithoutChaos() {
        // both connect at once, then every message is delivered in order: the classic collision,
        // resolved in one round with exactly one CEASE (Connection Collision Resolution) per side
        Network n = new Network(new Scenario(RouterId.parse("10.0.0.1"), Asn.of(65001),
                RouterId.parse("10.0.0.2"), Asn.of(65002), 7, List.of()));
        n.run();
        assertEquals(2, n.connections.size(), "both connected out");
        assertEquals(2, n.notificationsSent, "one CEASE from each side on the losing connection");
    }

    @Test
    void simultaneousOpenIsResolvedInOneRoundForAnyDeliveryOrder() {
        // both connections exist on both sides before any message moves; then every delivery
        // order must end on the connection the higher identifier (or AS) initiated, without a
        // second round of connections and with only Connection Collision Resolution CEASEs
        qt().withFixedSeed(0x51_0BE7L).withExamples(1500).forAll(scenarios()).checkAssert(s -> {
            Network n = new Network(s);
            n.execute(n.a, n.a.peer.start(n.now));
            n.execute(n.b, n.b.peer.start(n.now));
            boolean aFirst = s.choices().isEmpty() || s.choices().get(0) % 2 == 0;
            n.complete(n.pending.stream().filter(p -> (p.from() == n.a) == aFirst).findFirst().orElseThrow());
            n.complete(n.pending.get(0));
            assertTrue(n.pending.isEmpty());
            int i = 0;
            while (true) {
                List<End> ready = new ArrayList<>();
                for (Connection c : n.connections) {
                    for (End e : List.of(c.a, c.b)) {
                        if (!e.inbox.isEmpty()) {
                            ready.add(e);
                        }
                    }
                }
                if (ready.isEmpty()) {
                    break;
                }
                int choice = i < s.choices().size() ? s.choices().get(i) : 0;
                i++;
                n.now += (choice % 997) * 1_000_000L;
                n.deliver(ready.get(choice % ready.size()));
                n.checkInvariants();
            }
            assertEquals(2, n.connections.size(), () -> "a second round\n" + String.join("\n", n.trace));
            Session sa = n.a.peer.established().orElseThrow(() -> new AssertionError(String.join("\n", n.trace)));
            Session sb = n.b.peer.established().orElseThrow(() -> new AssertionError(String.join("\n", n.trace)));
            Connection won = n.a.ends.get(sa).connection;
            assertSame(won, n.b.ends.get(sb).connection);
            boolean aWins = Peer.localWins(s.idA(), s.idB(), s.asA(), s.asB());
            assertSame(aWins ? n.a : n.b, won.initiator);
            assertTrue(n.notificationsSent >= 1 && n.notificationsSent <= 2, "notifications: " + n.notifications);
            for (NotificationMessage m : n.notifications) {
                assertEquals(io.jbgp.core.error.BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION.toNotification(), m);
            }
            assertEquals(1, n.a.peer.sessions().size());
            assertEquals(1, n.b.peer.sessions().size());
        });
    }

    /** One side of the network. */
    final class Side {
        final String name;
        final InetAddress address;
        final Peer peer;
        final Map<Session, End> ends = new HashMap<>();
        Side other;

        Side(String name, InetAddress address, Peer peer) {
            this.name = name;
            this.address = address;
            this.peer = peer;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One end of a connection and what is in flight towards it. */
    static final class End {
        final Side side;
        final Session session;
        final Connection connection;
        final Deque<Object> inbox = new ArrayDeque<>();
        final Deque<Long> stamps = new ArrayDeque<>();
        boolean closed;
        End remote;

        End(Side side, Session session, Connection connection) {
            this.side = side;
            this.session = session;
            this.connection = connection;
        }
    }

    /** A TCP connection; {@code bothEstablished} once both ends' sessions were Established. */
    static final class Connection {
        final int id;
        final Side initiator;
        End a;
        End b;
        boolean bothEstablished;

        Connection(int id, Side initiator) {
            this.id = id;
            this.initiator = initiator;
        }

        @Override
        public String toString() {
            return "conn" + id + "(from " + initiator + ")";
        }
    }

    /** An outbound connect in flight. */
    record Pending(Side from, Session session) {}

    final class Network {
        final Scenario scenario;
        final Side a;
        final Side b;
        final List<Connection> connections = new ArrayList<>();
        final List<Pending> pending = new ArrayList<>();
        final Deque<String> trace = new ArrayDeque<>();
        long now = 1_000 * SECOND;
        long sequence;
        int notificationsSent;
        final List<NotificationMessage> notifications = new ArrayList<>();

        Network(Scenario s) {
            this.scenario = s;
            SplittableRandom random = new SplittableRandom(s.seed());
            a = new Side("A", ADDRESS_A, new Peer(SpeakerConfig.builder(s.asA(), s.idA()).build(),
                    PeerConfig.builder(ADDRESS_B, s.asB()).timers(TIMERS).build(), random.split()));
            b = new Side("B", ADDRESS_B, new Peer(SpeakerConfig.builder(s.asB(), s.idB()).build(),
                    PeerConfig.builder(ADDRESS_A, s.asA()).timers(TIMERS).build(), random.split()));
            a.other = b;
            b.other = a;
        }

        void run() {
            execute(a, a.peer.start(now));
            execute(b, b.peer.start(now));
            // chaos: the generated choices pick among every possible next move
            for (int choice : scenario.choices()) {
                List<Runnable> moves = moves(true, choice);
                moves.get(choice % moves.size()).run();
                checkInvariants();
            }
            // calm: deliver in order, connect, and only then let time pass
            int steps = 0;
            while (!converged()) {
                if (++steps > 20_000) {
                    fail("no convergence for " + scenario + "\n" + String.join("\n", trace));
                }
                calmMove();
                checkInvariants();
            }
            Session sa = a.peer.established().orElseThrow();
            Session sb = b.peer.established().orElseThrow();
            assertSame(a.ends.get(sa).remote, b.ends.get(sb), "both on one connection");
            // and it stays up: keepalives flow, nobody sends a NOTIFICATION
            int before = notificationsSent;
            for (int i = 0; i < 40; i++) {
                calmMove();
                checkInvariants();
            }
            assertSame(sa, a.peer.established().orElseThrow());
            assertSame(sb, b.peer.established().orElseThrow());
            assertEquals(before, notificationsSent, () -> "NOTIFICATION after convergence\n" + String.join("\n", trace));
        }

        boolean converged() {
            Optional<Session> sa = a.peer.established();
            Optional<Session> sb = b.peer.established();
            if (sa.isEmpty() || sb.isEmpty() || !pending.isEmpty()) {
                return false;
            }
            for (Connection c : connections) {
                if (!c.a.inbox.isEmpty() || !c.b.inbox.isEmpty()) {
                    return false;
                }
            }
            return a.peer.sessions().size() == 1 && b.peer.sessions().size() == 1;
        }

        void checkInvariants() {
            for (Side s : List.of(a, b)) {
                List<Session> sessions = s.peer.sessions();
                assertTrue(sessions.size() <= 2, () -> s + " has " + sessions);
                long up = sessions.stream().filter(x -> x.state() == SessionState.ESTABLISHED).count();
                assertTrue(up <= 1, () -> s + " has two Established sessions");
                assertTrue(!sessions.isEmpty() || s.peer.idleHoldDeadline().isPresent(),
                        () -> s + " is enabled but has nothing to wait for");
                assertTrue(s.peer.idleHoldTime().compareTo(TIMERS.idleHoldMax()) <= 0);
            }
            for (Connection c : connections) {
                if (!c.bothEstablished && c.a.session.state() == SessionState.ESTABLISHED
                        && c.b.session.state() == SessionState.ESTABLISHED) {
                    c.bothEstablished = true;
                    trace("both Established on " + c);
                }
            }
        }

        /** Every possible next move; in chaos each delivery also lets a generated time pass. */
        List<Runnable> moves(boolean chaos, int choice) {
            List<Runnable> moves = new ArrayList<>();
            long delay = (choice % 997) * 1_000_000L;
            for (Connection c : connections) {
                for (End e : List.of(c.a, c.b)) {
                    if (!e.inbox.isEmpty()) {
                        moves.add(() -> {
                            now += delay;
                            deliver(e);
                        });
                    }
                }
            }
            for (Pending p : List.copyOf(pending)) {
                moves.add(() -> {
                    now += delay;
                    complete(p);
                });
                if (chaos) {
                    moves.add(() -> failConnect(p));
                }
            }
            moves.add(this::fireTimers);
            return moves;
        }

        void calmMove() {
            End oldest = null;
            for (Connection c : connections) {
                for (End e : List.of(c.a, c.b)) {
                    if (!e.stamps.isEmpty() && (oldest == null || e.stamps.peek() < oldest.stamps.peek())) {
                        oldest = e;
                    }
                }
            }
            // connections complete before any data moves: every restart is a simultaneous open,
            // so only a collision rule both sides agree on lets the network settle
            if (!pending.isEmpty()) {
                now += 10_000_000L;
                complete(pending.get(0));
            } else if (oldest != null) {
                now += 10_000_000L;
                deliver(oldest);
            } else {
                fireTimers();
            }
        }

        void fireTimers() {
            OptionalLong da = a.peer.nextDeadline();
            OptionalLong db = b.peer.nextDeadline();
            long next = Math.min(da.orElse(Long.MAX_VALUE), db.orElse(Long.MAX_VALUE));
            if (next == Long.MAX_VALUE) {
                return;
            }
            now = Math.max(now, next);
            trace("time " + (now / SECOND) + " s");
            execute(a, a.peer.poll(now));
            execute(b, b.peer.poll(now));
        }

        void deliver(End e) {
            Object item = e.inbox.poll();
            e.stamps.poll();
            if (e.closed) {
                return; // our side already closed: the data is lost
            }
            trace(e.side + " <- " + item + " on " + e.connection);
            if (item == CLOSE) {
                e.closed = true;
                execute(e.side, e.side.peer.handle(e.session, new TcpClosed(), now));
            } else {
                execute(e.side, e.side.peer.handle(e.session, new MessageReceived((BgpMessage) item), now));
            }
        }

        void complete(Pending p) {
            pending.remove(p);
            Side x = p.from();
            Side y = x.other;
            Connection c = new Connection(connections.size() + 1, x);
            InetSocketAddress xEnd = new InetSocketAddress(x.address, 40000 + c.id);
            InetSocketAddress yEnd = new InetSocketAddress(y.address, 179);
            trace(x + " connected to " + y + " as " + c);
            Peer.Attached accepted = y.peer.connected(yEnd, xEnd, true, now);
            Peer.Attached initiated = x.peer.connected(xEnd, yEnd, false, now);
            End ex = new End(x, initiated.session(), c);
            End ey = new End(y, accepted.session(), c);
            ex.remote = ey;
            ey.remote = ex;
            c.a = x == a ? ex : ey;
            c.b = x == a ? ey : ex;
            connections.add(c);
            x.ends.put(initiated.session(), ex);
            y.ends.put(accepted.session(), ey);
            execute(y, accepted.actions());
            execute(x, initiated.actions());
        }

        void failConnect(Pending p) {
            pending.remove(p);
            trace(p.from() + " connect failed");
            execute(p.from(), p.from().peer.connectFailed("connection refused", now));
        }

        void execute(Side x, List<PeerAction> actions) {
            for (PeerAction pa : actions) {
                Session s = pa.session();
                SessionAction action = pa.action();
                if (action instanceof Connect) {
                    pending.removeIf(p -> p.session() == s);
                    pending.add(new Pending(x, s));
                } else if (action instanceof Send send) {
                    End e = x.ends.get(s);
                    if (e == null) {
                        fail(x + " sends " + send.message() + " without a connection");
                    }
                    if (send.message() instanceof NotificationMessage n) {
                        notificationsSent++;
                        notifications.add(n);
                        if (n.code() == ErrorCode.CEASE.code() && e.connection.bothEstablished) {
                            fail("CEASE on " + e.connection + " established on both sides: " + n + "\n"
                                    + String.join("\n", trace));
                        }
                    }
                    if (!e.closed) {
                        e.remote.inbox.add(send.message());
                        e.remote.stamps.add(sequence++);
                    }
                } else if (action instanceof CloseConnection) {
                    pending.removeIf(p -> p.session() == s);
                    End e = x.ends.get(s);
                    if (e != null && !e.closed) {
                        e.closed = true;
                        e.remote.inbox.add(CLOSE);
                        e.remote.stamps.add(sequence++);
                    }
                }
                trace(x + " " + action.getClass().getSimpleName() + " " + describe(action) + " " + s);
            }
        }

        private String describe(SessionAction action) {
            if (action instanceof Send send) {
                return send.message().type().toString()
                        + (send.message() instanceof NotificationMessage n ? " " + n : "");
            }
            if (action instanceof SessionAction.Down d) {
                return d.reason().toString();
            }
            return "";
        }

        void trace(String line) {
            trace.add(line);
            if (trace.size() > 200) {
                trace.poll();
            }
        }
    }
}
