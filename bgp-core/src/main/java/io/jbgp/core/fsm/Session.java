package io.jbgp.core.fsm;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.SpeakerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.DownReason.Kind;
import io.jbgp.core.fsm.SessionAction.CloseConnection;
import io.jbgp.core.fsm.SessionAction.Connect;
import io.jbgp.core.fsm.SessionAction.DeliverRouteRefresh;
import io.jbgp.core.fsm.SessionAction.DeliverUpdate;
import io.jbgp.core.fsm.SessionAction.Down;
import io.jbgp.core.fsm.SessionAction.Established;
import io.jbgp.core.fsm.SessionAction.Negotiated;
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
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * The BGP finite state machine of one connection (RFC 4271 §8), sans-IO (STYLE §6): events and
 * the current time go in, {@link SessionAction}s come out, timers are deadlines the driver asks
 * for with {@link #nextDeadline()} and fires with {@link #poll(long)}. No sockets, threads,
 * clocks or randomness of its own; jitter comes from the injected {@link RandomGenerator}.
 *
 * <p>Lifecycle: a session starts in IDLE, is started once (ManualStart/AutomaticStart), owns at
 * most one TCP connection, and is finished for good when it returns to IDLE: RFC 4271 would loop
 * back from Idle, but here the {@link Peer} creates a fresh session after its IdleHold timer,
 * which keeps per-connection state from leaking into the next attempt. Before it has a connection
 * the session may cycle Connect ⇄ Active on the ConnectRetry timer, as in the RFC.
 *
 * <p>Deviations from RFC 4271 §8.2.2, each deliberate:
 * <ul>
 *   <li>TCP failure in OpenSent goes to Idle rather than Active: the connection is gone, and the
 *       Peer starts over (its IdleHold timer stands in for the ConnectRetry wait).</li>
 *   <li>Connection collisions (§6.8) are resolved by {@link Peer}, which sees both connections.</li>
 *   <li>Any message received in Established restarts the hold timer, not only KEEPALIVE and
 *       UPDATE (as FRR and OpenBGPD do): the peer is evidently alive.</li>
 *   <li>An unexpected message in Connect or Active (only possible with DelayOpen) is answered
 *       with FSM Error, unspecific subcode (RFC 6608 §3), so every error exit sends exactly one
 *       NOTIFICATION.</li>
 * </ul>
 *
 * <p>Not thread-safe: the driver calls it from one thread (the channel's event loop).
 */
public final class Session {
    private static final long SECOND = 1_000_000_000L;

    private final PeerConfig config;
    private final TimerConfig timerConfig;
    private final RandomGenerator random;
    private final OpenMessage localOpen;
    private final Timers timers = new Timers();

    private SessionState state = SessionState.IDLE;
    private boolean started;
    private boolean passive;
    private boolean tcpUp;
    private boolean inbound;
    private InetSocketAddress localAddress;
    private InetSocketAddress remoteAddress;
    private OpenMessage remoteOpen;
    private NegotiatedSession negotiated;
    private boolean wasEstablished;
    private long establishedAtNanos;
    private DownReason downReason;

    /**
     * A new session in IDLE.
     *
     * @param speaker our AS, identifier and default timers
     * @param config  the neighbor
     * @param random  jitter source (RFC 4271 §10); seed it in tests
     */
    public Session(SpeakerConfig speaker, PeerConfig config, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.timerConfig = config.effectiveTimers(Objects.requireNonNull(speaker, "speaker"));
        this.random = Objects.requireNonNull(random, "random");
        this.localOpen = Negotiation.localOpen(speaker, config);
    }

    // ---------------------------------------------------------------- inputs

    /**
     * Feeds one event at time {@code nowNanos}; returns the actions to execute, in order.
     *
     * @param event the event
     * @param nowNanos the current {@link Ticker} reading
     * @return the actions to execute, in order
     */
    public List<SessionAction> handle(SessionEvent event, long nowNanos) {
        Objects.requireNonNull(event, "event");
        List<SessionAction> out = new ArrayList<>(3);
        switch (state) {
            case IDLE:
                onIdle(event, nowNanos, out);
                break;
            case CONNECT:
            case ACTIVE:
                onConnectOrActive(event, nowNanos, out);
                break;
            case OPEN_SENT:
                onOpenSent(event, nowNanos, out);
                break;
            case OPEN_CONFIRM:
                onOpenConfirm(event, nowNanos, out);
                break;
            case ESTABLISHED:
                onEstablished(event, nowNanos, out);
                break;
            default:
                throw new IllegalStateException("handle: unknown state " + state);
        }
        return out;
    }

    /**
     * Fires every timer due at {@code nowNanos} (ConnectRetry, Hold, Keepalive, DelayOpen,
     * SendHold: RFC 4271 Events 9–12, RFC 9687 Event 29) and returns the resulting actions.
     * Calling it early is harmless.
     *
     * @param nowNanos the current {@link Ticker} reading
     * @return the actions to execute, in order; empty when nothing was due
     */
    public List<SessionAction> poll(long nowNanos) {
        List<SessionAction> out = new ArrayList<>(3);
        for (TimerKind kind : timers.due(nowNanos)) {
            if (state == SessionState.IDLE) {
                break; // an earlier timer in this batch ended the session
            }
            onTimer(kind, nowNanos, out);
        }
        return out;
    }

    /**
     * Tells the FSM that the driver wrote a message it did not get from this session (an UPDATE
     * from the RIB): RFC 4271 §10 restarts the KeepaliveTimer whenever an UPDATE or KEEPALIVE is
     * sent, so no KEEPALIVE is due while UPDATEs flow.
     *
     * @param nowNanos the {@link Ticker} reading when the message was written
     */
    public void messageSent(long nowNanos) {
        if ((state == SessionState.ESTABLISHED || state == SessionState.OPEN_CONFIRM)
                && timers.isArmed(TimerKind.KEEPALIVE)) {
            armKeepalive(nowNanos);
        }
    }

    // ---------------------------------------------------------------- queries

    /**
     * {@return the earliest armed deadline; the driver schedules one wake-up there and calls poll}
     */
    public OptionalLong nextDeadline() {
        return timers.next();
    }

    /**
     * The deadline of one timer, if armed (for "show" output and tests).
     *
     * @param kind the timer
     * @return the deadline in {@link Ticker} nanoseconds, or empty
     */
    public OptionalLong deadline(TimerKind kind) {
        return timers.deadline(kind);
    }

    /** {@return the current RFC 4271 state} */
    public SessionState state() {
        return state;
    }

    /** {@return the OPEN we send on this session} */
    public OpenMessage localOpen() {
        return localOpen;
    }

    /** {@return the peer's OPEN, once received and accepted} */
    public Optional<OpenMessage> remoteOpen() {
        return Optional.ofNullable(remoteOpen);
    }

    /** {@return the negotiated parameters, from OpenConfirm on} */
    public Optional<NegotiatedSession> negotiated() {
        return Optional.ofNullable(negotiated);
    }

    /** {@return true when the peer opened this session's connection (RFC 4271 Event 17)} */
    public boolean isInbound() {
        return inbound;
    }

    /** {@return true while the session owns a TCP connection} */
    public boolean hasConnection() {
        return tcpUp;
    }

    /** {@return the peer's end of the connection, once connected} */
    public Optional<InetSocketAddress> remoteAddress() {
        return Optional.ofNullable(remoteAddress);
    }

    /**
     * When the session entered Established, if it did.
     *
     * @return the {@link Ticker} reading at Established, or empty
     */
    public OptionalLong establishedAtNanos() {
        return wasEstablished ? OptionalLong.of(establishedAtNanos) : OptionalLong.empty();
    }

    /**
     * Why the session ended, once it is back in IDLE after having been started.
     *
     * @return the reason, or empty while the session has not ended
     */
    public Optional<DownReason> downReason() {
        return Optional.ofNullable(downReason);
    }

    @Override
    public String toString() {
        return "Session[" + config.key() + " " + state.displayName()
                + (tcpUp ? (inbound ? " inbound" : " outbound") : "") + "]";
    }

    // ---------------------------------------------------------------- per-state tables

    /** RFC 4271 §8.2.2 Idle: only a start does anything. A finished session stays finished. */
    private void onIdle(SessionEvent event, long now, List<SessionAction> out) {
        if (started) {
            return; // this session is over; the Peer makes a new one
        }
        if (event instanceof ManualStart m) {
            start(m.passive(), now, out);
        } else if (event instanceof AutomaticStart a) {
            start(a.passive(), now, out);
        } else if (event instanceof TcpConnected) {
            out.add(new CloseConnection()); // not started: Idle refuses connections
        }
        // everything else is ignored in Idle
    }

    /**
     * Connect and Active: waiting for a TCP connection, or holding one while DelayOpen runs.
     * The two states differ only in whether an outbound attempt is in flight.
     */
    private void onConnectOrActive(SessionEvent event, long now, List<SessionAction> out) {
        if (event instanceof ManualStop || event instanceof AutomaticStop) {
            if (tcpUp) {
                // DelayOpen with a connection: we behave as if SendNOTIFICATIONwithoutOPEN
                // (RFC 4271 §8.1.1) were set, so the peer learns why (e.g. collision resolution)
                DownReason reason = stopReason(event, true);
                fail(reason.notification().orElseThrow(), reason.kind(), reason.detail(), now, out);
            } else {
                closeQuietly(stopReason(event, false), now, out); // nothing to tell: cancel the connect
            }
        } else if (event instanceof TcpConnected t) {
            if (tcpUp) {
                return; // the Peer gives each extra connection its own session
            }
            bindConnection(t);
            timers.cancel(TimerKind.CONNECT_RETRY);
            if (!timerConfig.delayOpen().isZero()) {
                // RFC 4271 §8.2.2 Events 16/17 with DelayOpen: wait for the peer's OPEN first
                timers.set(TimerKind.DELAY_OPEN, now + timerConfig.delayOpen().toNanos());
            } else {
                sendOpen(now, out);
            }
        } else if (event instanceof TcpConnectionFails || event instanceof TcpClosed) {
            // Event 18: back to Active, try again when ConnectRetry fires
            tcpUp = false;
            timers.cancel(TimerKind.DELAY_OPEN);
            state = SessionState.ACTIVE;
            if (!passive) {
                timers.set(TimerKind.CONNECT_RETRY, now + jitter(timerConfig.connectRetry()));
            }
        } else if (!tcpUp) {
            return; // no connection, nothing can arrive on it
        } else if (event instanceof MessageReceived m && m.message() instanceof OpenMessage open) {
            // Event 19 with DelayOpen running: answer with OPEN and KEEPALIVE at once
            timers.cancel(TimerKind.DELAY_OPEN);
            out.add(new Send(localOpen));
            acceptOpen(open, now, out);
        } else if (event instanceof MessageReceived m && m.message() instanceof NotificationMessage n) {
            closeQuietly(DownReason.of(Kind.NOTIFICATION_RECEIVED, n, ""), now, out);
        } else if (event instanceof DecodeFailed d) {
            fail(d.error().toNotification(d.data().unsafeArray()), Kind.NOTIFICATION_SENT,
                    "malformed message", now, out);
        } else if (event instanceof MessageReceived || event instanceof UpdateTreatedAsWithdraw) {
            fail(BgpError.FSM_UNSPECIFIED.toNotification(), Kind.NOTIFICATION_SENT,
                    "unexpected message in " + state.displayName(), now, out);
        }
        // starts, SendBuffer events: ignored
    }

    /** OpenSent: our OPEN is out, waiting for the peer's under the large hold timer. */
    private void onOpenSent(SessionEvent event, long now, List<SessionAction> out) {
        if (common(event, now, out)) {
            return;
        }
        if (event instanceof MessageReceived m) {
            BgpMessage msg = m.message();
            if (msg instanceof OpenMessage open) {
                acceptOpen(open, now, out);
            } else if (msg instanceof NotificationMessage n) {
                closeQuietly(DownReason.of(Kind.NOTIFICATION_RECEIVED, n, ""), now, out);
            } else {
                // RFC 6608 §3: anything else before the OPEN
                unexpected(BgpError.FSM_UNEXPECTED_MESSAGE_IN_OPEN_SENT, msg, now, out);
            }
        } else if (event instanceof UpdateTreatedAsWithdraw) {
            unexpected(BgpError.FSM_UNEXPECTED_MESSAGE_IN_OPEN_SENT, null, now, out);
        }
    }

    /** OpenConfirm: OPENs exchanged, waiting for the peer's KEEPALIVE. */
    private void onOpenConfirm(SessionEvent event, long now, List<SessionAction> out) {
        if (common(event, now, out)) {
            return;
        }
        if (event instanceof MessageReceived m) {
            BgpMessage msg = m.message();
            if (msg instanceof KeepaliveMessage) {
                // Event 26: Established
                restartHold(now);
                state = SessionState.ESTABLISHED;
                wasEstablished = true;
                establishedAtNanos = now;
                out.add(new Established(negotiated));
            } else if (msg instanceof NotificationMessage n) {
                closeQuietly(DownReason.of(Kind.NOTIFICATION_RECEIVED, n, ""), now, out);
            } else {
                // RFC 6608 §3; a second OPEN on this connection included
                unexpected(BgpError.FSM_UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM, msg, now, out);
            }
        } else if (event instanceof UpdateTreatedAsWithdraw) {
            unexpected(BgpError.FSM_UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM, null, now, out);
        }
    }

    /** Established: UPDATEs flow; KEEPALIVEs keep the hold timer from expiring. */
    private void onEstablished(SessionEvent event, long now, List<SessionAction> out) {
        if (common(event, now, out)) {
            return;
        }
        if (event instanceof UpdateTreatedAsWithdraw w) {
            // RFC 7606 §2: the session stays up; the RIB withdraws what the UPDATE carried
            restartHold(now);
            out.add(new DeliverUpdate(w.withdrawals(), Optional.of(w.cause())));
        } else if (event instanceof MessageReceived m) {
            BgpMessage msg = m.message();
            if (msg instanceof UpdateMessage u) {
                restartHold(now); // Event 27
                out.add(new DeliverUpdate(u));
            } else if (msg instanceof KeepaliveMessage) {
                restartHold(now); // Event 26
            } else if (msg instanceof RouteRefreshMessage rr) {
                restartHold(now);
                if (acceptsRouteRefresh(rr)) {
                    out.add(new DeliverRouteRefresh(rr));
                }
            } else if (msg instanceof NotificationMessage n) {
                closeQuietly(DownReason.of(Kind.NOTIFICATION_RECEIVED, n, ""), now, out);
            } else {
                // RFC 6608 §3: an OPEN on an established connection
                unexpected(BgpError.FSM_UNEXPECTED_MESSAGE_IN_ESTABLISHED, msg, now, out);
            }
        }
    }

    /**
     * Events handled alike in OpenSent, OpenConfirm and Established: stops, TCP loss, codec
     * errors and the RFC 9687 send buffer signals. Returns true when the event was consumed.
     */
    private boolean common(SessionEvent event, long now, List<SessionAction> out) {
        if (event instanceof ManualStop || event instanceof AutomaticStop) {
            DownReason reason = stopReason(event, true);
            fail(reason.notification().orElseThrow(), reason.kind(), reason.detail(), now, out);
        } else if (event instanceof TcpConnectionFails f) {
            closeQuietly(DownReason.of(Kind.TCP_FAILURE, f.reason()), now, out);
        } else if (event instanceof TcpClosed) {
            closeQuietly(DownReason.of(Kind.TCP_CLOSED, "peer closed the connection"), now, out);
        } else if (event instanceof DecodeFailed d) {
            // Events 21, 22, 28: exactly the error the codec found
            fail(d.error().toNotification(d.data().unsafeArray()), Kind.NOTIFICATION_SENT,
                    "malformed message", now, out);
        } else if (event instanceof SendBufferStalled) {
            armSendHold(now);
        } else if (event instanceof SendBufferDrained) {
            timers.cancel(TimerKind.SEND_HOLD);
        } else if (event instanceof TcpConnected || event instanceof ManualStart
                || event instanceof AutomaticStart) {
            // a start is ignored once started; extra connections are the Peer's business
        } else {
            return false;
        }
        return true;
    }

    /** Timer expiry, RFC 4271 Events 9–12 and RFC 9687 Event 29. */
    private void onTimer(TimerKind kind, long now, List<SessionAction> out) {
        switch (kind) {
            case CONNECT_RETRY:
                // Event 9: (re)try the outbound connection; Active moves to Connect
                if (state == SessionState.CONNECT || state == SessionState.ACTIVE) {
                    state = SessionState.CONNECT;
                    out.add(new Connect());
                    timers.set(TimerKind.CONNECT_RETRY, now + jitter(timerConfig.connectRetry()));
                }
                break;
            case HOLD:
                // Event 10
                if (state.isOpenSentOrLater()) {
                    fail(BgpError.HOLD_TIMER_EXPIRED.toNotification(), Kind.HOLD_TIMER_EXPIRED,
                            "no message for " + holdSeconds() + " s", now, out);
                }
                break;
            case KEEPALIVE:
                // Event 11
                if (state == SessionState.OPEN_CONFIRM || state == SessionState.ESTABLISHED) {
                    out.add(new Send(KeepaliveMessage.INSTANCE));
                    armKeepalive(now);
                }
                break;
            case DELAY_OPEN:
                // Event 12: the peer did not speak first; send our OPEN now
                if ((state == SessionState.CONNECT || state == SessionState.ACTIVE) && tcpUp) {
                    sendOpen(now, out);
                }
                break;
            case SEND_HOLD:
                // RFC 9687 §3: the peer has not read from us for SendHoldTime; the NOTIFICATION
                // will probably not get through, but we try, then close regardless
                if (state.isOpenSentOrLater()) {
                    fail(BgpError.SEND_HOLD_TIMER_EXPIRED.toNotification(), Kind.SEND_HOLD_TIMER_EXPIRED,
                            "peer not reading", now, out);
                }
                break;
            case IDLE_HOLD:
            default:
                break; // IdleHold belongs to the Peer
        }
    }

    /**
     * RFC 2918 §4: a ROUTE-REFRESH counts only if we advertised the capability and the family was
     * negotiated; otherwise it is ignored. RFC 7313 §5: BoRR/EoRR need Enhanced Route Refresh, and
     * unknown subtypes are ignored.
     */
    private boolean acceptsRouteRefresh(RouteRefreshMessage rr) {
        boolean weAdvertised = localOpen.capability(io.jbgp.core.message.Capability.RouteRefresh.class).isPresent();
        if (!weAdvertised || !negotiated.families().contains(rr.family())) {
            return false;
        }
        if (rr.subtype() == RouteRefreshMessage.NORMAL) {
            return true;
        }
        return (rr.subtype() == RouteRefreshMessage.BORR || rr.subtype() == RouteRefreshMessage.EORR)
                && negotiated.enhancedRouteRefresh();
    }

    // ---------------------------------------------------------------- transitions

    /** Events 1/3 (connect out, Connect state) and 4/5 (passive, Active state). */
    private void start(boolean passive, long now, List<SessionAction> out) {
        started = true;
        this.passive = passive;
        if (passive) {
            state = SessionState.ACTIVE;
        } else {
            state = SessionState.CONNECT;
            out.add(new Connect());
            timers.set(TimerKind.CONNECT_RETRY, now + jitter(timerConfig.connectRetry()));
        }
    }

    /**
     * AutomaticStart into Active with the ConnectRetry timer running (RFC 4271 Active state): the
     * session accepts the peer's connection at once but connects out only when ConnectRetry
     * fires. The Peer uses it after the peer refused us, so that both sides are never asleep at
     * the same time.
     */
    List<SessionAction> startWaiting(long now) {
        started = true;
        passive = false;
        state = SessionState.ACTIVE;
        timers.set(TimerKind.CONNECT_RETRY, now + jitter(timerConfig.connectRetry()));
        return List.of();
    }

    private void bindConnection(TcpConnected t) {
        tcpUp = true;
        inbound = t.inbound();
        localAddress = t.local();
        remoteAddress = t.remote();
    }

    /** Sends our OPEN and arms the large hold timer (RFC 4271 §8.2.2: "a large value", 4 min). */
    private void sendOpen(long now, List<SessionAction> out) {
        out.add(new Send(localOpen));
        timers.cancel(TimerKind.CONNECT_RETRY);
        timers.cancel(TimerKind.DELAY_OPEN);
        timers.set(TimerKind.HOLD, now + timerConfig.largeHold().toNanos());
        state = SessionState.OPEN_SENT;
    }

    /** Event 19 in OpenSent (or with DelayOpen): validate, negotiate, KEEPALIVE, OpenConfirm. */
    private void acceptOpen(OpenMessage open, long now, List<SessionAction> out) {
        Optional<OpenValidator.Rejection> rejection = OpenValidator.validate(open, localOpen, config);
        if (rejection.isPresent()) {
            OpenValidator.Rejection r = rejection.get();
            fail(r.toNotification(), Kind.NOTIFICATION_SENT, r.detail(), now, out);
            return;
        }
        remoteOpen = open;
        negotiated = Negotiation.negotiate(localOpen, open, (int) timerConfig.keepalive().toSeconds(),
                localAddress, remoteAddress);
        // the driver switches the codec before anything else is read or written
        out.add(new Negotiated(negotiated));
        out.add(new Send(KeepaliveMessage.INSTANCE));
        state = SessionState.OPEN_CONFIRM;
        restartHold(now);
        if (negotiated.keepaliveSeconds() > 0) {
            armKeepalive(now);
        } else {
            timers.cancel(TimerKind.KEEPALIVE);
        }
        if (negotiated.holdTime().seconds() == 0) {
            timers.cancel(TimerKind.SEND_HOLD); // RFC 9687 §4.3, see armSendHold
        }
    }

    /** RFC 6608: an FSM Error with the subcode for the state we are in. */
    private void unexpected(BgpError error, BgpMessage msg, long now, List<SessionAction> out) {
        String what = msg == null ? "treat-as-withdraw UPDATE" : msg.type().toString();
        fail(error.toNotification(), Kind.NOTIFICATION_SENT, what + " in " + state.displayName(), now, out);
    }

    /** Every error exit: exactly one NOTIFICATION, then close, then Idle. */
    private void fail(NotificationMessage notification, Kind kind, String detail, long now,
                      List<SessionAction> out) {
        out.add(new Send(notification));
        out.add(new CloseConnection());
        enterIdle(DownReason.of(kind, notification, detail), out);
    }

    /** An exit to Idle without a NOTIFICATION of ours (the peer sent one, or TCP is gone). */
    private void closeQuietly(DownReason reason, long now, List<SessionAction> out) {
        out.add(new CloseConnection());
        enterIdle(reason, out);
    }

    /** Entry actions of Idle (OpenBGPD change_state): stop all timers, report Down. */
    private void enterIdle(DownReason reason, List<SessionAction> out) {
        state = SessionState.IDLE;
        tcpUp = false;
        timers.clear();
        downReason = reason;
        out.add(new Down(reason, wasEstablished));
    }

    /**
     * The reason (and CEASE) for a stop: ManualStop is Administrative Shutdown with the
     * configured communication unless the event carries one (RFC 9003); AutomaticStop uses its
     * own subcode, and Connection Rejected / Collision Resolution get their own reason kinds.
     */
    private DownReason stopReason(SessionEvent event, boolean sendCease) {
        BgpError cease;
        Optional<String> text;
        Kind kind;
        if (event instanceof ManualStop m) {
            cease = BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN;
            text = m.communication().or(config::shutdownCommunication);
            kind = Kind.MANUAL_STOP;
        } else {
            AutomaticStop a = (AutomaticStop) event;
            cease = a.cease();
            text = a.communication();
            kind = cease == BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION ? Kind.COLLISION_LOST
                    : cease == BgpError.CEASE_CONNECTION_REJECTED ? Kind.CONNECTION_REFUSED
                    : Kind.AUTOMATIC_STOP;
        }
        if (!sendCease) {
            return DownReason.of(kind, text.orElse(""));
        }
        boolean withText = cease == BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN
                || cease == BgpError.CEASE_ADMINISTRATIVE_RESET;
        NotificationMessage n = withText && text.isPresent()
                ? NotificationMessage.cease(cease, text.get()) : cease.toNotification();
        return DownReason.of(kind, n, "");
    }

    /**
     * Ends the session with a NOTIFICATION of the speaker's choosing (AutomaticStop, RFC 4271
     * Event 8, with data, e.g. CEASE Maximum Number of Prefixes Reached and its RFC 4486 §4 data).
     * Only from OpenSent on, where the peer has our OPEN and can read a NOTIFICATION; in other
     * states it does nothing.
     */
    List<SessionAction> stopWith(NotificationMessage notification, String detail, long now) {
        List<SessionAction> out = new ArrayList<>(3);
        if (state.isOpenSentOrLater()) {
            fail(notification, Kind.AUTOMATIC_STOP, detail, now, out);
        }
        return out;
    }

    /**
     * Refuses a connection this session was created for (RFC 4486 §4 Connection Rejected): the
     * Peer does this when a session is already established, or the neighbor is stopped or
     * damped. The session never starts.
     */
    List<SessionAction> refuse(TcpConnected connection, String detail) {
        started = true;
        bindConnection(connection);
        List<SessionAction> out = new ArrayList<>(3);
        fail(BgpError.CEASE_CONNECTION_REJECTED.toNotification(), Kind.CONNECTION_REFUSED, detail, 0, out);
        return out;
    }

    // ---------------------------------------------------------------- timers

    private void restartHold(long now) {
        int hold = holdSeconds();
        if (hold > 0) {
            timers.set(TimerKind.HOLD, now + hold * SECOND);
        } else {
            timers.cancel(TimerKind.HOLD);
        }
    }

    private void armKeepalive(long now) {
        timers.set(TimerKind.KEEPALIVE,
                now + jitter(Duration.ofSeconds(negotiated.keepaliveSeconds())));
    }

    /**
     * RFC 9687 §6: SendHoldTime is max(8 minutes, 2 × the hold time) by default; before the OPEN
     * exchange the proposed hold time stands in for the negotiated one.
     */
    private void armSendHold(long now) {
        if (timerConfig.sendHoldMinimum().isZero() || timers.isArmed(TimerKind.SEND_HOLD)) {
            return;
        }
        // RFC 9687 §4.3: no SendHoldTimer when the negotiated HoldTime is zero (RFC 4271 §4.2:
        // then neither side sends KEEPALIVEs, and a quiet peer is no evidence of a stuck one)
        if (negotiated != null && negotiated.holdTime().seconds() == 0) {
            return;
        }
        int hold = negotiated != null ? negotiated.holdTime().seconds() : timerConfig.holdTimeSeconds();
        long nanos = Math.max(timerConfig.sendHoldMinimum().toNanos(), 2L * hold * SECOND);
        timers.set(TimerKind.SEND_HOLD, now + nanos);
    }

    /** The hold time in force: negotiated from OpenConfirm on, else the large OpenSent value. */
    private int holdSeconds() {
        return negotiated != null ? negotiated.holdTime().seconds() : (int) timerConfig.largeHold().toSeconds();
    }

    /** RFC 4271 §10: jitter by a random factor uniformly distributed in [0.75, 1.0]. */
    private long jitter(Duration d) {
        double factor = 0.75 + 0.25 * random.nextDouble();
        return Math.max(1, (long) (d.toNanos() * factor));
    }
}
