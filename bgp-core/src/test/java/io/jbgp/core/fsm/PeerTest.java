package io.jbgp.core.fsm;

import static io.jbgp.core.fsm.FsmFixtures.LOCAL_END;
import static io.jbgp.core.fsm.FsmFixtures.LOCAL_ID;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_ADDRESS;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_AS;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_END;
import static io.jbgp.core.fsm.FsmFixtures.SECOND;
import static io.jbgp.core.fsm.FsmFixtures.actionsFor;
import static io.jbgp.core.fsm.FsmFixtures.actionsOf;
import static io.jbgp.core.fsm.FsmFixtures.assertActions;
import static io.jbgp.core.fsm.FsmFixtures.assertNotification;
import static io.jbgp.core.fsm.FsmFixtures.notificationSent;
import static io.jbgp.core.fsm.FsmFixtures.peer;
import static io.jbgp.core.fsm.FsmFixtures.peerBuilder;
import static io.jbgp.core.fsm.FsmFixtures.random;
import static io.jbgp.core.fsm.FsmFixtures.remoteOpen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.SpeakerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.SessionAction.CloseConnection;
import io.jbgp.core.fsm.SessionAction.Connect;
import io.jbgp.core.fsm.SessionAction.Down;
import io.jbgp.core.fsm.SessionAction.Send;
import io.jbgp.core.fsm.SessionEvent.MessageReceived;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Per-neighbor behaviour: connection binding, collisions (RFC 4271 §6.8, RFC 6286) and IdleHold. */
class PeerTest {
    private static final long T0 = 5_000 * SECOND;
    private static final InetSocketAddress INBOUND_LOCAL = new InetSocketAddress(LOCAL_END.getAddress(), 179);
    private static final InetSocketAddress INBOUND_REMOTE = new InetSocketAddress(REMOTE_ADDRESS, 50000);
    private static final MessageReceived KEEPALIVE = new MessageReceived(KeepaliveMessage.INSTANCE);

    private static Peer peerWith(RouterId localId, Asn localAs, PeerConfig config) {
        return new Peer(SpeakerConfig.builder(localAs, localId).build(), config, random());
    }

    private static Peer peerWith(RouterId localId) {
        return peerWith(localId, FsmFixtures.LOCAL_AS, peer());
    }

    private static OpenMessage openFrom(RouterId id, Asn as) {
        return OpenMessage.of(as, 90, id, List.of(new Capability.MultiProtocol(AddressFamily.IPV4_UNICAST),
                new Capability.FourOctetAs(as)));
    }

    /** Two sessions in OpenSent: our outbound one and the peer's inbound one. */
    private static Session[] twoConnections(Peer p) {
        p.start(T0);
        Session out = p.connected(LOCAL_END, REMOTE_END, false, T0).session();
        Session in = p.connected(INBOUND_LOCAL, INBOUND_REMOTE, true, T0).session();
        assertNotSame(out, in);
        assertEquals(SessionState.OPEN_SENT, out.state());
        assertEquals(SessionState.OPEN_SENT, in.state());
        return new Session[] {out, in};
    }

    private static Down downOf(List<SessionAction> actions) {
        return (Down) actions.get(actions.size() - 1);
    }

    @Test
    void startOfAnActiveNeighborConnects() {
        Peer p = peerWith(LOCAL_ID);
        List<PeerAction> actions = p.start(T0);
        assertActions(actionsOf(actions), Connect.class);
        assertEquals(SessionState.CONNECT, p.state());
        assertTrue(p.start(T0).isEmpty(), "a second start is a no-op");
    }

    @Test
    void outboundConnectionBindsTheConnectingSession() {
        Peer p = peerWith(LOCAL_ID);
        Session primary = p.start(T0).get(0).session();
        Peer.Attached a = p.connected(LOCAL_END, REMOTE_END, false, T0);
        assertSame(primary, a.session());
        assertActions(actionsOf(a.actions()), Send.class);
        assertFalse(primary.isInbound());
    }

    @Test
    void inboundConnectionWhileConnectingIsTakenByTheWaitingSession() {
        Peer p = peerWith(LOCAL_ID);
        Session primary = p.start(T0).get(0).session();
        Peer.Attached a = p.connected(INBOUND_LOCAL, INBOUND_REMOTE, true, T0);
        assertSame(primary, a.session());
        assertTrue(primary.isInbound());
        assertEquals(1, p.sessions().size());
    }

    @Test
    void passiveNeighborWaitsForTheConnection() {
        Peer p = peerWith(LOCAL_ID, FsmFixtures.LOCAL_AS, peerBuilder().passive(true).build());
        assertTrue(p.start(T0).isEmpty());
        assertEquals(SessionState.ACTIVE, p.state());
        Peer.Attached a = p.connected(INBOUND_LOCAL, INBOUND_REMOTE, true, T0);
        assertActions(actionsOf(a.actions()), Send.class);
    }

    @Test
    void collisionHigherIdentifierWins() {
        // remote 10.0.0.2 > local 10.0.0.1: the connection the remote initiated (inbound) survives;
        // our outbound one is in OpenConfirm already when the inbound one gets its OPEN
        Peer p = peerWith(LOCAL_ID);
        p.start(T0);
        Session out = p.connected(LOCAL_END, REMOTE_END, false, T0).session();
        p.handle(out, new MessageReceived(remoteOpen()), T0);
        assertEquals(SessionState.OPEN_CONFIRM, out.state());
        Session in = p.connected(INBOUND_LOCAL, INBOUND_REMOTE, true, T0).session();

        List<PeerAction> actions = p.handle(in, new MessageReceived(remoteOpen()), T0);
        List<SessionAction> loser = assertActions(actionsFor(out, actions), Send.class, CloseConnection.class,
                Down.class);
        assertNotification(BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION, notificationSent(loser, 0));
        assertEquals(DownReason.Kind.COLLISION_LOST, downOf(loser).reason().kind());
        assertEquals(List.of(in), p.sessions());
        assertEquals(SessionState.OPEN_CONFIRM, in.state());
        p.handle(in, KEEPALIVE, T0);
        assertSame(in, p.established().orElseThrow());
    }

    @Test
    void firstOpenDecidesTheCollisionBeforeAnyKeepalive() {
        // both connections in OpenSent: the first OPEN tells us the peer's identifier, so the loser
        // is closed at once and never sends a KEEPALIVE that could establish it on the other side
        Peer p = peerWith(LOCAL_ID);
        Session[] s = twoConnections(p);
        List<PeerAction> actions = p.handle(s[0], new MessageReceived(remoteOpen()), T0);
        // the OPEN arrived on our outbound connection, which loses: CEASE, no KEEPALIVE
        assertActions(actionsFor(s[0], actions), Send.class, CloseConnection.class, Down.class);
        assertNotification(BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION, notificationSent(actionsOf(actions), 0));
        assertEquals(List.of(s[1]), p.sessions());
        assertEquals(SessionState.OPEN_SENT, s[1].state());
    }

    @Test
    void collisionLocalHigherIdentifierKeepsOurConnection() {
        Peer p = peerWith(RouterId.parse("10.0.0.3"));
        Session[] s = twoConnections(p);
        // the OPEN arrives on the inbound connection, which loses to ours
        List<PeerAction> actions = p.handle(s[1], new MessageReceived(remoteOpen()), T0);
        assertActions(actionsFor(s[1], actions), Send.class, CloseConnection.class, Down.class);
        assertEquals(List.of(s[0]), p.sessions());
        // the OPEN on ours is then answered normally
        p.handle(s[0], new MessageReceived(remoteOpen()), T0);
        assertEquals(SessionState.OPEN_CONFIRM, s[0].state());
    }

    @Test
    void collisionComparesIdentifiersAsUnsigned() {
        // 200.0.0.1 is negative as a signed int, but larger than 10.0.0.2 as an identifier
        Peer p = peerWith(RouterId.parse("200.0.0.1"));
        Session[] s = twoConnections(p);
        List<PeerAction> actions = p.handle(s[0], new MessageReceived(remoteOpen()), T0);
        // our outbound connection wins: the inbound one is closed, ours answers the OPEN
        assertActions(actionsFor(s[1], actions), Send.class, CloseConnection.class, Down.class);
        assertEquals(List.of(s[0]), p.sessions());
        assertEquals(SessionState.OPEN_CONFIRM, s[0].state());
    }

    @Test
    void equalIdentifiersUseAsNumbers() {
        // RFC 6286 §2.3: same identifier, the speaker with the larger AS keeps its connection
        OpenMessage sameId = openFrom(LOCAL_ID, REMOTE_AS);
        Peer p = peerWith(LOCAL_ID);
        Session[] s = twoConnections(p);
        List<PeerAction> actions = p.handle(s[1], new MessageReceived(sameId), T0);
        // remote AS 65002 > 65001: the remote's (inbound) connection wins
        assertActions(actionsFor(s[0], actions), Send.class, CloseConnection.class, Down.class);
        assertEquals(List.of(s[1]), p.sessions());

        Peer q = peerWith(LOCAL_ID, Asn.of(65100), PeerConfig.builder(REMOTE_ADDRESS, REMOTE_AS).build());
        Session[] t = twoConnections(q);
        List<PeerAction> qa = q.handle(t[1], new MessageReceived(sameId), T0);
        // local AS 65100 > 65002: our outbound connection wins
        assertActions(actionsFor(t[1], qa), Send.class, CloseConnection.class, Down.class);
        assertEquals(List.of(t[0]), q.sessions());
    }

    @Test
    void localWinsIsDecidedByIdentifierThenAs() {
        RouterId low = RouterId.parse("10.0.0.1");
        RouterId high = RouterId.parse("255.0.0.1");
        assertTrue(Peer.localWins(high, low, Asn.of(1), Asn.of(2)));
        assertFalse(Peer.localWins(low, high, Asn.of(2), Asn.of(1)));
        assertTrue(Peer.localWins(low, low, Asn.of(2), Asn.of(1)));
        assertFalse(Peer.localWins(low, low, Asn.of(1), Asn.of(2)));
    }

    @Test
    void collisionWhileEstablishedIsRefused() {
        Peer p = peerWith(LOCAL_ID);
        p.start(T0);
        Session up = p.connected(LOCAL_END, REMOTE_END, false, T0).session();
        p.handle(up, new MessageReceived(remoteOpen()), T0);
        p.handle(up, KEEPALIVE, T0);
        assertEquals(SessionState.ESTABLISHED, p.state());

        Peer.Attached a = p.connected(INBOUND_LOCAL, INBOUND_REMOTE, true, T0 + SECOND);
        List<SessionAction> refused = assertActions(actionsOf(a.actions()), Send.class, CloseConnection.class,
                Down.class);
        // RFC 4486 §4: Connection Rejected, decided before any OPEN
        assertNotification(BgpError.CEASE_CONNECTION_REJECTED, notificationSent(refused, 0));
        assertEquals(DownReason.Kind.CONNECTION_REFUSED, downOf(refused).reason().kind());
        assertFalse(downOf(refused).wasEstablished());
        assertEquals(List.of(up), p.sessions());
        assertTrue(p.handle(a.session(), KEEPALIVE, T0).isEmpty(), "the refused session is not tracked");
    }

    @Test
    void openMeetingAnEstablishedSessionClosesTheNewConnection() {
        // with DelayOpen, a connection can sit without an OPEN of ours while the other one gets
        // established; its late OPEN then meets an Established session
        TimerConfig delay = TimerConfig.builder().delayOpen(Duration.ofSeconds(5)).build();
        Peer p = peerWith(RouterId.parse("10.0.0.3"), FsmFixtures.LOCAL_AS, peerBuilder().timers(delay).build());
        p.start(T0);
        Session out = p.connected(LOCAL_END, REMOTE_END, false, T0).session();
        Session in = p.connected(INBOUND_LOCAL, INBOUND_REMOTE, true, T0).session();
        assertEquals(SessionState.CONNECT, out.state());
        assertEquals(SessionState.ACTIVE, in.state());
        p.handle(in, new MessageReceived(remoteOpen()), T0);
        p.handle(in, KEEPALIVE, T0);
        assertEquals(SessionState.ESTABLISHED, in.state());
        // RFC 4271 §6.8: although we would win on identifiers, the Established connection stays
        List<PeerAction> actions = p.handle(out, new MessageReceived(remoteOpen()), T0);
        List<SessionAction> loser = assertActions(actionsFor(out, actions), Send.class, CloseConnection.class,
                Down.class);
        assertNotification(BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION, notificationSent(loser, 0));
        assertEquals(List.of(in), p.sessions());
        assertTrue(actionsFor(in, actions).isEmpty());
    }

    @Test
    void idleHoldBacksOffAndResets() {
        TimerConfig timers = TimerConfig.builder().idleHoldInitial(Duration.ofSeconds(30))
                .idleHoldMax(Duration.ofSeconds(100)).idleHoldStable(Duration.ofSeconds(300)).build();
        Peer p = peerWith(LOCAL_ID, FsmFixtures.LOCAL_AS, peerBuilder().timers(timers).build());
        p.start(T0);
        long now = T0;
        long[] expectedMax = {30, 60, 100, 100};
        for (long max : expectedMax) {
            Session s = p.connected(LOCAL_END, REMOTE_END, false, now).session();
            // the peer answers our OPEN with hold time 1: an error, so the back-off grows
            List<PeerAction> actions = p.handle(s, new MessageReceived(remoteOpen(1)), now);
            assertActions(actionsOf(actions), Send.class, CloseConnection.class, Down.class);
            assertEquals(SessionState.IDLE, p.state());
            long wait = p.idleHoldDeadline().orElseThrow() - now;
            assertTrue(wait <= max * SECOND && wait >= max * SECOND * 3 / 4, "waited " + wait + " for " + max);
            // connections during IdleHold are refused
            Peer.Attached refused = p.connected(INBOUND_LOCAL, INBOUND_REMOTE, true, now + 1);
            assertNotification(BgpError.CEASE_CONNECTION_REJECTED, notificationSent(actionsOf(refused.actions()), 0));
            assertTrue(p.poll(now + wait - 1).isEmpty());
            now += wait;
            assertActions(actionsOf(p.poll(now)), Connect.class);
        }
        assertEquals(Duration.ofSeconds(100), p.idleHoldTime());

        // Established for the stable period: the back-off is forgotten
        Session s = p.connected(LOCAL_END, REMOTE_END, false, now).session();
        p.handle(s, new MessageReceived(remoteOpen()), now);
        p.handle(s, KEEPALIVE, now);
        for (int i = 0; i < 11; i++) {
            now += 30 * SECOND;
            p.poll(now);
            p.handle(s, KEEPALIVE, now);
        }
        p.handle(s, new MessageReceived(NotificationMessage.cease(BgpError.CEASE_ADMINISTRATIVE_RESET, "")), now);
        long wait = p.idleHoldDeadline().orElseThrow() - now;
        assertTrue(wait <= 30 * SECOND, "waited " + wait);
        assertEquals(Duration.ofSeconds(60), p.idleHoldTime());
    }

    @Test
    void stopSendsCeaseOnEverySessionAndStaysDown() {
        Peer p = peerWith(LOCAL_ID);
        Session[] s = twoConnections(p);
        List<PeerAction> actions = p.stop(Optional.of("bye"), T0);
        for (Session x : s) {
            List<SessionAction> a = assertActions(actionsFor(x, actions), Send.class, CloseConnection.class, Down.class);
            NotificationMessage n = notificationSent(a, 0);
            assertNotification(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, n);
            assertEquals(Optional.of("bye"), n.shutdownCommunication());
        }
        assertTrue(p.sessions().isEmpty());
        assertTrue(p.nextDeadline().isEmpty());
        assertTrue(p.poll(T0 + 10_000 * SECOND).isEmpty());
        assertNotification(BgpError.CEASE_CONNECTION_REJECTED, notificationSent(actionsOf(
                p.connected(INBOUND_LOCAL, INBOUND_REMOTE, true, T0).actions()), 0));
        assertEquals(DownReason.Kind.MANUAL_STOP, p.lastDown().orElseThrow().kind());
    }

    @Test
    void connectFailureLeavesTheSessionRetrying() {
        Peer p = peerWith(LOCAL_ID);
        Session s = p.start(T0).get(0).session();
        assertTrue(p.connectFailed("refused", T0).isEmpty());
        assertEquals(SessionState.ACTIVE, s.state());
        long retry = p.nextDeadline().orElseThrow();
        List<PeerAction> again = p.poll(retry);
        assertEquals(List.of(new PeerAction(s, new Connect())), again);
    }

    @Test
    void collisionCeaseFromThePeerRestartsAtOnce() {
        Peer p = peerWith(LOCAL_ID);
        p.start(T0);
        Session s = p.connected(LOCAL_END, REMOTE_END, false, T0).session();
        NotificationMessage cease = BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION.toNotification();
        List<PeerAction> actions = p.handle(s, new MessageReceived(cease), T0);
        assertActions(actionsOf(actions), CloseConnection.class, Down.class, Connect.class);
        assertNotSame(s, actions.get(2).session());
        assertTrue(p.idleHoldDeadline().isEmpty());
    }

    @Test
    void refusalByThePeerWaitsInActiveAndAcceptsItsConnection() {
        Peer p = peerWith(LOCAL_ID);
        p.start(T0);
        Session s = p.connected(LOCAL_END, REMOTE_END, false, T0).session();
        NotificationMessage rejected = BgpError.CEASE_CONNECTION_REJECTED.toNotification();
        List<PeerAction> actions = p.handle(s, new MessageReceived(rejected), T0);
        assertActions(actionsOf(actions), CloseConnection.class, Down.class);
        // no IdleHold: a new session waits in Active, with ConnectRetry for our next attempt
        assertTrue(p.idleHoldDeadline().isEmpty());
        Session waiting = p.sessions().get(0);
        assertEquals(SessionState.ACTIVE, waiting.state());
        long retry = waiting.deadline(TimerKind.CONNECT_RETRY).orElseThrow() - T0;
        assertTrue(retry >= 90 * SECOND && retry <= 120 * SECOND);
        assertEquals(Duration.ofSeconds(30), p.idleHoldTime(), "a refusal is not an error");
        // the peer's own connection is taken right away
        Peer.Attached a = p.connected(INBOUND_LOCAL, INBOUND_REMOTE, true, T0 + SECOND);
        assertSame(waiting, a.session());
        assertActions(actionsOf(a.actions()), Send.class);
    }

    @Test
    void removalSendsPeerDeconfiguredAndStaysDown() {
        Peer p = peerWith(LOCAL_ID);
        p.start(T0);
        Session s = p.connected(LOCAL_END, REMOTE_END, false, T0).session();
        p.handle(s, new MessageReceived(remoteOpen()), T0);
        p.handle(s, KEEPALIVE, T0);
        List<PeerAction> actions = p.stop(BgpError.CEASE_PEER_DECONFIGURED, Optional.empty(), T0);
        List<SessionAction> a = assertActions(actionsOf(actions), Send.class, CloseConnection.class, Down.class);
        assertNotification(BgpError.CEASE_PEER_DECONFIGURED, notificationSent(a, 0));
        assertEquals(DownReason.Kind.AUTOMATIC_STOP, downOf(a).reason().kind());
        assertTrue(downOf(a).wasEstablished());
        assertFalse(p.isEnabled());
        assertTrue(p.nextDeadline().isEmpty(), "no IdleHold, no restart");
    }

    @Test
    void resetSendsAdministrativeResetAndReconnectsAtOnce() {
        Peer p = peerWith(LOCAL_ID);
        p.start(T0);
        Session s = p.connected(LOCAL_END, REMOTE_END, false, T0).session();
        p.handle(s, new MessageReceived(remoteOpen()), T0);
        p.handle(s, KEEPALIVE, T0);
        List<PeerAction> actions = p.reset(Optional.of("new policy"), T0);
        assertActions(actionsOf(actions), Send.class, CloseConnection.class, Down.class, Connect.class);
        NotificationMessage n = notificationSent(actionsOf(actions), 0);
        assertNotification(BgpError.CEASE_ADMINISTRATIVE_RESET, n);
        assertEquals(Optional.of("new policy"), n.shutdownCommunication());
        assertTrue(p.isEnabled());
        assertTrue(p.idleHoldDeadline().isEmpty());
        assertNotSame(s, actions.get(3).session());
    }

    @Test
    void startDuringIdleHoldCutsTheWaitShort() {
        Peer p = peerWith(LOCAL_ID);
        p.start(T0);
        Session s = p.connected(LOCAL_END, REMOTE_END, false, T0).session();
        p.handle(s, new MessageReceived(remoteOpen(1)), T0);
        assertTrue(p.idleHoldDeadline().isPresent());
        assertActions(actionsOf(p.start(T0 + SECOND)), Connect.class);
        assertTrue(p.idleHoldDeadline().isEmpty());
        assertTrue(p.start(T0 + SECOND).isEmpty(), "running with a session: nothing to do");
    }
}
