package io.jbgp.core.fsm;

import static io.jbgp.core.fsm.FsmFixtures.SECOND;
import static io.jbgp.core.fsm.FsmFixtures.LOCAL_END;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_END;
import static io.jbgp.core.fsm.FsmFixtures.assertActions;
import static io.jbgp.core.fsm.FsmFixtures.assertNotification;
import static io.jbgp.core.fsm.FsmFixtures.notificationSent;
import static io.jbgp.core.fsm.FsmFixtures.peerBuilder;
import static io.jbgp.core.fsm.FsmFixtures.remoteOpen;
import static io.jbgp.core.fsm.FsmFixtures.sent;
import static io.jbgp.core.fsm.FsmFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.SessionAction.CloseConnection;
import io.jbgp.core.fsm.SessionAction.Connect;
import io.jbgp.core.fsm.SessionAction.DeliverRouteRefresh;
import io.jbgp.core.fsm.SessionAction.DeliverUpdate;
import io.jbgp.core.fsm.SessionAction.Down;
import io.jbgp.core.fsm.SessionAction.Established;
import io.jbgp.core.fsm.SessionAction.Negotiated;
import io.jbgp.core.fsm.SessionAction.Send;
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
import io.jbgp.core.types.Bytes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 4271 §8.2.2 transitions, one scenario per test (RustyBGP style). */
class SessionTest {
    private static final long T0 = 1_000 * SECOND;
    private static final MessageReceived KEEPALIVE = new MessageReceived(KeepaliveMessage.INSTANCE);
    private static final TcpConnected OUTBOUND = new TcpConnected(LOCAL_END, REMOTE_END, false);

    private static Session openSent(Session s, long now) {
        s.handle(new ManualStart(false), now);
        s.handle(OUTBOUND, now);
        assertEquals(SessionState.OPEN_SENT, s.state());
        return s;
    }

    private static Session openConfirm(Session s, long now, int remoteHold) {
        openSent(s, now);
        s.handle(new MessageReceived(remoteOpen(remoteHold)), now);
        assertEquals(SessionState.OPEN_CONFIRM, s.state());
        return s;
    }

    private static Session established(Session s, long now) {
        openConfirm(s, now, 90);
        s.handle(KEEPALIVE, now);
        assertEquals(SessionState.ESTABLISHED, s.state());
        return s;
    }

    private static Down down(List<SessionAction> actions) {
        return (Down) actions.get(actions.size() - 1);
    }

    @Test
    void manualStartConnectsAndArmsJitteredConnectRetry() {
        Session s = session();
        assertActions(s.handle(new ManualStart(false), T0), Connect.class);
        assertEquals(SessionState.CONNECT, s.state());
        long retry = s.deadline(TimerKind.CONNECT_RETRY).orElseThrow() - T0;
        // RFC 4271 §10: 120 s times a factor in [0.75, 1.0]
        assertTrue(retry >= 90 * SECOND && retry <= 120 * SECOND, "retry in " + retry);
    }

    @Test
    void passiveStartWaitsInActiveWithoutConnecting() {
        Session s = session();
        assertActions(s.handle(new ManualStart(true), T0));
        assertEquals(SessionState.ACTIVE, s.state());
        assertTrue(s.nextDeadline().isEmpty());
        assertActions(s.handle(new TcpConnected(LOCAL_END, REMOTE_END, true), T0), Send.class);
        assertTrue(s.isInbound());
    }

    @Test
    void connectedSendsOpenAndArmsLargeHoldTimer() {
        Session s = session();
        s.handle(new ManualStart(false), T0);
        List<SessionAction> actions = assertActions(s.handle(OUTBOUND, T0 + SECOND), Send.class);
        OpenMessage open = (OpenMessage) sent(actions, 0);
        assertEquals(s.localOpen(), open);
        assertEquals(90, open.holdTime());
        assertEquals(SessionState.OPEN_SENT, s.state());
        // RFC 4271 §8.2.2: "a large value", 4 minutes, while waiting for the OPEN
        assertEquals(T0 + SECOND + 240 * SECOND, s.deadline(TimerKind.HOLD).orElseThrow());
        assertTrue(s.deadline(TimerKind.CONNECT_RETRY).isEmpty());
    }

    @Test
    void connectFailureMovesToActiveAndRetries() {
        Session s = session();
        s.handle(new ManualStart(false), T0);
        assertActions(s.handle(new TcpConnectionFails("connection refused"), T0 + SECOND));
        assertEquals(SessionState.ACTIVE, s.state());
        long retry = s.deadline(TimerKind.CONNECT_RETRY).orElseThrow();
        assertActions(s.poll(retry - 1));
        assertActions(s.poll(retry), Connect.class);
        assertEquals(SessionState.CONNECT, s.state());
    }

    @Test
    void openExchangeReachesEstablished() {
        Session s = openSent(session(), T0);
        List<SessionAction> actions = assertActions(s.handle(new MessageReceived(remoteOpen(30)), T0 + SECOND),
                Negotiated.class, Send.class);
        assertEquals(KeepaliveMessage.INSTANCE, sent(actions, 1));
        NegotiatedSession n = ((Negotiated) actions.get(0)).session();
        // hold = min(90, 30), keepalive = hold / 3
        assertEquals(30, n.holdTime().seconds());
        assertEquals(10, n.keepaliveSeconds());
        assertEquals(SessionState.OPEN_CONFIRM, s.state());
        assertEquals(T0 + 31 * SECOND, s.deadline(TimerKind.HOLD).orElseThrow());
        long ka = s.deadline(TimerKind.KEEPALIVE).orElseThrow() - (T0 + SECOND);
        assertTrue(ka >= 7_500_000_000L && ka <= 10 * SECOND, "keepalive in " + ka);

        List<SessionAction> up = assertActions(s.handle(KEEPALIVE, T0 + 2 * SECOND), Established.class);
        assertEquals(n, ((Established) up.get(0)).session());
        assertEquals(SessionState.ESTABLISHED, s.state());
        assertEquals(T0 + 32 * SECOND, s.deadline(TimerKind.HOLD).orElseThrow());
    }

    @Test
    void keepaliveInOpenSentIsFsmError() {
        Session s = openSent(session(), T0);
        List<SessionAction> actions = assertActions(s.handle(KEEPALIVE, T0), Send.class,
                CloseConnection.class, Down.class);
        assertNotification(BgpError.FSM_UNEXPECTED_MESSAGE_IN_OPEN_SENT, notificationSent(actions, 0));
        assertEquals(DownReason.Kind.NOTIFICATION_SENT, down(actions).reason().kind());
        assertFalse(down(actions).wasEstablished());
        assertEquals(SessionState.IDLE, s.state());
        assertTrue(s.nextDeadline().isEmpty());
    }

    @Test
    void updateInOpenConfirmIsFsmError() {
        Session s = openConfirm(session(), T0, 90);
        List<SessionAction> actions = assertActions(
                s.handle(new MessageReceived(UpdateMessage.withdraw(List.of())), T0),
                Send.class, CloseConnection.class, Down.class);
        assertNotification(BgpError.FSM_UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM, notificationSent(actions, 0));
    }

    @Test
    void openInEstablishedIsFsmError() {
        Session s = established(session(), T0);
        List<SessionAction> actions = assertActions(s.handle(new MessageReceived(remoteOpen()), T0),
                Send.class, CloseConnection.class, Down.class);
        assertNotification(BgpError.FSM_UNEXPECTED_MESSAGE_IN_ESTABLISHED, notificationSent(actions, 0));
        assertTrue(down(actions).wasEstablished());
    }

    @Test
    void holdTimerExpiryInEstablishedSendsNotification() {
        Session s = established(session(), T0);
        long hold = s.deadline(TimerKind.HOLD).orElseThrow();
        assertEquals(T0 + 90 * SECOND, hold);
        // keepalives go out meanwhile, but nothing comes in
        for (SessionAction a : s.poll(hold - 1)) {
            assertEquals(new Send(KeepaliveMessage.INSTANCE), a);
        }
        List<SessionAction> actions = assertActions(s.poll(hold), Send.class, CloseConnection.class, Down.class);
        assertNotification(BgpError.HOLD_TIMER_EXPIRED, notificationSent(actions, 0));
        assertEquals(DownReason.Kind.HOLD_TIMER_EXPIRED, down(actions).reason().kind());
        assertTrue(down(actions).wasEstablished());
    }

    @Test
    void holdTimerInOpenSentExpiresAfterFourMinutes() {
        Session s = openSent(session(), T0);
        assertActions(s.poll(T0 + 240 * SECOND - 1));
        List<SessionAction> actions = assertActions(s.poll(T0 + 240 * SECOND), Send.class,
                CloseConnection.class, Down.class);
        assertNotification(BgpError.HOLD_TIMER_EXPIRED, notificationSent(actions, 0));
    }

    @Test
    void holdTimeOneIsRefused() {
        Session s = openSent(session(), T0);
        List<SessionAction> actions = assertActions(s.handle(new MessageReceived(remoteOpen(1)), T0),
                Send.class, CloseConnection.class, Down.class);
        assertNotification(BgpError.OPEN_UNACCEPTABLE_HOLD_TIME, notificationSent(actions, 0));
        assertEquals(SessionState.IDLE, s.state());
    }

    @Test
    void holdTimeZeroDisablesKeepalivesAndHoldTimer() {
        Session s = openConfirm(session(), T0, 0);
        assertTrue(s.deadline(TimerKind.HOLD).isEmpty());
        assertTrue(s.deadline(TimerKind.KEEPALIVE).isEmpty());
        assertActions(s.handle(KEEPALIVE, T0), Established.class);
        assertTrue(s.nextDeadline().isEmpty());
        assertActions(s.poll(T0 + 3600 * SECOND));
    }

    @Test
    void updateInEstablishedRestartsHoldAndIsDelivered() {
        Session s = established(session(), T0);
        UpdateMessage u = UpdateMessage.withdraw(List.of());
        List<SessionAction> actions = assertActions(s.handle(new MessageReceived(u), T0 + 50 * SECOND),
                DeliverUpdate.class);
        assertEquals(new DeliverUpdate(u), actions.get(0));
        assertEquals(T0 + 140 * SECOND, s.deadline(TimerKind.HOLD).orElseThrow());
    }

    @Test
    void keepaliveTimerSendsKeepaliveAndMessageSentPostponesIt() {
        Session s = established(session(), T0);
        long due = s.deadline(TimerKind.KEEPALIVE).orElseThrow();
        assertTrue(due - T0 <= 30 * SECOND && due - T0 >= 22_500_000_000L);
        // an UPDATE written at due - 1 counts as traffic: no KEEPALIVE at due (RFC 4271 §10)
        s.messageSent(due - 1);
        assertActions(s.poll(due));
        long next = s.deadline(TimerKind.KEEPALIVE).orElseThrow();
        assertTrue(next > due);
        assertEquals(List.of(new Send(KeepaliveMessage.INSTANCE)), s.poll(next));
        assertTrue(s.deadline(TimerKind.KEEPALIVE).orElseThrow() > next);
    }

    @Test
    void manualStopSendsCeaseWithCommunication() {
        Session s = established(session(), T0);
        List<SessionAction> actions = assertActions(s.handle(new ManualStop(Optional.of("maintenance")), T0),
                Send.class, CloseConnection.class, Down.class);
        NotificationMessage n = notificationSent(actions, 0);
        assertNotification(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, n);
        assertEquals(Optional.of("maintenance"), n.shutdownCommunication());
        assertEquals(DownReason.Kind.MANUAL_STOP, down(actions).reason().kind());
    }

    @Test
    void manualStopWithoutTextUsesTheConfiguredCommunication() {
        Session s = established(session(peerBuilder().shutdownCommunication("planned work").build()), T0);
        List<SessionAction> actions = s.handle(new ManualStop(Optional.empty()), T0);
        assertEquals(Optional.of("planned work"), notificationSent(actions, 0).shutdownCommunication());
    }

    @Test
    void manualStopInConnectClosesWithoutNotification() {
        Session s = session();
        s.handle(new ManualStart(false), T0);
        List<SessionAction> actions = assertActions(s.handle(new ManualStop(Optional.empty()), T0),
                CloseConnection.class, Down.class);
        assertEquals(DownReason.Kind.MANUAL_STOP, down(actions).reason().kind());
    }

    @Test
    void notificationReceivedGoesIdleWithoutSending() {
        Session s = established(session(), T0);
        NotificationMessage cease = NotificationMessage.cease(BgpError.CEASE_ADMINISTRATIVE_RESET, "bye");
        List<SessionAction> actions = assertActions(s.handle(new MessageReceived(cease), T0),
                CloseConnection.class, Down.class);
        assertEquals(DownReason.of(DownReason.Kind.NOTIFICATION_RECEIVED, cease, ""), down(actions).reason());
        assertTrue(down(actions).reason().isError());
    }

    @Test
    void decodeFailureSendsExactlyThatError() {
        Session s = established(session(), T0);
        Bytes data = Bytes.fromHex("400203");
        List<SessionAction> actions = assertActions(
                s.handle(new DecodeFailed(BgpError.UPDATE_MALFORMED_AS_PATH, data), T0),
                Send.class, CloseConnection.class, Down.class);
        assertEquals(BgpError.UPDATE_MALFORMED_AS_PATH.toNotification(data.toArray()), sent(actions, 0));
    }

    @Test
    void treatAsWithdrawKeepsSessionUp() {
        Session s = established(session(), T0);
        UpdateMessage w = UpdateMessage.withdraw(List.of());
        List<SessionAction> actions = assertActions(
                s.handle(new UpdateTreatedAsWithdraw(w, BgpError.UPDATE_INVALID_ORIGIN_ATTRIBUTE), T0 + SECOND),
                DeliverUpdate.class);
        assertEquals(new DeliverUpdate(w, Optional.of(BgpError.UPDATE_INVALID_ORIGIN_ATTRIBUTE)), actions.get(0));
        assertEquals(SessionState.ESTABLISHED, s.state());
        assertEquals(T0 + 91 * SECOND, s.deadline(TimerKind.HOLD).orElseThrow());
    }

    @Test
    void routeRefreshIsDeliveredOnlyForNegotiatedFamiliesAndCapability() {
        Session s = established(session(), T0);
        RouteRefreshMessage v4 = RouteRefreshMessage.request(AddressFamily.IPV4_UNICAST);
        assertActions(s.handle(new MessageReceived(v4), T0), DeliverRouteRefresh.class);
        // RFC 2918 §4: a family we did not negotiate is ignored
        assertActions(s.handle(new MessageReceived(RouteRefreshMessage.request(AddressFamily.IPV6_UNICAST)), T0));
        // RFC 7313: BoRR without Enhanced Route Refresh is ignored, the session stays up
        assertActions(s.handle(new MessageReceived(new RouteRefreshMessage(AddressFamily.IPV4_UNICAST, 1)), T0));
        assertEquals(SessionState.ESTABLISHED, s.state());

        Session noRefresh = established(session(peerBuilder().routeRefresh(false).build()), T0);
        assertActions(noRefresh.handle(new MessageReceived(v4), T0));
    }

    @Test
    void sendHoldTimerExpires() {
        Session s = established(session(), T0);
        // RFC 9687: max(8 min, 2 × 90 s) = 8 min from the moment the peer stopped reading
        assertActions(s.handle(new SendBufferStalled(), T0 + SECOND));
        assertEquals(T0 + SECOND + 480 * SECOND, s.deadline(TimerKind.SEND_HOLD).orElseThrow());
        // a second stall signal does not push the deadline out
        s.handle(new SendBufferStalled(), T0 + 10 * SECOND);
        assertEquals(T0 + SECOND + 480 * SECOND, s.deadline(TimerKind.SEND_HOLD).orElseThrow());
        s.handle(new SendBufferDrained(), T0 + 20 * SECOND);
        assertTrue(s.deadline(TimerKind.SEND_HOLD).isEmpty());

        s.handle(new SendBufferStalled(), T0 + 30 * SECOND);
        long deadline = s.deadline(TimerKind.SEND_HOLD).orElseThrow();
        // keep the hold timer alive with inbound KEEPALIVEs: only the send side is stuck
        for (long t = T0 + 60 * SECOND; t < deadline; t += 60 * SECOND) {
            s.poll(t);
            s.handle(KEEPALIVE, t);
        }
        List<SessionAction> actions = s.poll(deadline);
        assertActions(actions, Send.class, CloseConnection.class, Down.class);
        assertNotification(BgpError.SEND_HOLD_TIMER_EXPIRED, notificationSent(actions, 0));
        assertEquals(DownReason.Kind.SEND_HOLD_TIMER_EXPIRED, down(actions).reason().kind());
    }

    @Test
    void sendHoldTimeIsTwiceALongHoldTime() {
        Session s = session(TimerConfig.builder().holdTime(Duration.ofSeconds(300)).build());
        openConfirm(s, T0, 300);
        s.handle(new SendBufferStalled(), T0);
        assertEquals(T0 + 600 * SECOND, s.deadline(TimerKind.SEND_HOLD).orElseThrow());
    }

    @Test
    void delayOpenWaitsForThePeersOpen() {
        Session s = session(TimerConfig.builder().delayOpen(Duration.ofSeconds(5)).build());
        s.handle(new ManualStart(false), T0);
        assertActions(s.handle(OUTBOUND, T0));
        assertEquals(SessionState.CONNECT, s.state());
        assertEquals(T0 + 5 * SECOND, s.deadline(TimerKind.DELAY_OPEN).orElseThrow());
        List<SessionAction> actions = assertActions(s.handle(new MessageReceived(remoteOpen()), T0 + SECOND),
                Send.class, Negotiated.class, Send.class);
        assertEquals(s.localOpen(), sent(actions, 0));
        assertEquals(KeepaliveMessage.INSTANCE, sent(actions, 2));
        assertEquals(SessionState.OPEN_CONFIRM, s.state());
    }

    @Test
    void delayOpenExpirySendsOpen() {
        Session s = session(TimerConfig.builder().delayOpen(Duration.ofSeconds(5)).build());
        s.handle(new ManualStart(false), T0);
        s.handle(OUTBOUND, T0);
        List<SessionAction> actions = assertActions(s.poll(T0 + 5 * SECOND), Send.class);
        assertEquals(s.localOpen(), sent(actions, 0));
        assertEquals(SessionState.OPEN_SENT, s.state());
    }

    @Test
    void tcpClosedInEstablishedReportsDown() {
        Session s = established(session(), T0);
        List<SessionAction> actions = assertActions(s.handle(new TcpClosed(), T0), CloseConnection.class, Down.class);
        assertEquals(DownReason.Kind.TCP_CLOSED, down(actions).reason().kind());
        assertTrue(down(actions).wasEstablished());
    }

    @Test
    void finishedSessionIgnoresEverything() {
        Session s = openSent(session(), T0);
        s.handle(new TcpConnectionFails("reset"), T0);
        assertEquals(SessionState.IDLE, s.state());
        assertActions(s.handle(new ManualStart(false), T0));
        assertActions(s.handle(new MessageReceived(remoteOpen()), T0));
        assertActions(s.poll(T0 + 1000 * SECOND));
        assertEquals(DownReason.Kind.TCP_FAILURE, s.downReason().orElseThrow().kind());
    }
}
