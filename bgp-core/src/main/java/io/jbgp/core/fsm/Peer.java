package io.jbgp.core.fsm;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.SpeakerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.error.ErrorCode;
import io.jbgp.core.fsm.SessionEvent.AutomaticStart;
import io.jbgp.core.fsm.SessionEvent.AutomaticStop;
import io.jbgp.core.fsm.SessionEvent.ManualStart;
import io.jbgp.core.fsm.SessionEvent.ManualStop;
import io.jbgp.core.fsm.SessionEvent.MessageReceived;
import io.jbgp.core.fsm.SessionEvent.TcpConnected;
import io.jbgp.core.fsm.SessionEvent.TcpConnectionFails;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * One neighbor: zero to two {@link Session}s, connection collision resolution (RFC 4271 §6.8,
 * RFC 6286 §2.3) and the IdleHold back-off that damps peer oscillations (RFC 4271 §8.1.1). Like
 * {@link Session} it is sans-IO and single-threaded: the driver calls every method from one
 * thread and executes the returned {@link PeerAction}s in order.
 *
 * <h2>How the driver uses it</h2>
 * <ol>
 *   <li>{@link #start} once. For an active neighbor a {@link SessionAction.Connect} comes out:
 *       open a TCP connection, then report {@link #connected} or {@link #connectFailed}.</li>
 *   <li>Every accepted connection from the neighbor's address goes to {@link #connected} as
 *       well; the returned {@link Attached#session()} is the session that now owns the
 *       connection (perhaps one that immediately refuses it with CEASE Connection Rejected).</li>
 *   <li>Everything that happens on a connection goes to {@link #handle} with that session;
 *       UPDATEs the driver writes for the RIB are reported with {@link #messageSent}.</li>
 *   <li>Keep one wake-up scheduled at {@link #nextDeadline()} and call {@link #poll} there.</li>
 * </ol>
 *
 * <h2>Collisions</h2>
 * When an acceptable OPEN arrives on one session while the other session is in OpenConfirm (or
 * in OpenSent: the OPEN just received tells us the peer's identifier, which RFC 4271 §6.8 allows
 * us to use), the connection initiated by the speaker with the higher BGP Identifier survives (compared as
 * unsigned 32-bit numbers); with equal identifiers (possible between ASes, RFC 6286 §2.3) the one
 * initiated by the speaker with the larger AS number survives. The loser gets CEASE subcode 7
 * (Connection Collision Resolution, RFC 4486) and is closed; the check runs before the session
 * answers the OPEN, so a losing connection never sends a KEEPALIVE. A session that meets an Established
 * one is closed the same way (RFC 4271 §6.8: "closing of the newly created connection"). A
 * connection that arrives while a session is already Established is refused right away with
 * CEASE subcode 5, Connection Rejected (RFC 4486 §4: the speaker "decides to disallow a BGP
 * connection ... after the speaker accepts a transport protocol connection"), since no OPEN is
 * needed to know that it must lose.
 *
 * <h2>IdleHold</h2>
 * When the last session is gone and the neighbor is still enabled, the Peer waits IdleHoldTime
 * (jittered) before an AutomaticStart; meanwhile connections are refused, as RFC 4271's Idle
 * state ignores them. Each error (see {@link DownReason#isError()}) doubles IdleHoldTime up to
 * its maximum; a session that stayed Established for the stable period resets it to the initial
 * value (OpenBGPD's IdleHoldTime handling). A pure collision loss restarts at once, because
 * nothing is wrong with the neighbor. When the neighbor refuses us (CEASE Connection Rejected,
 * typically because it is damping or still holds a stale session), we skip IdleHold and wait in
 * Active instead, accepting its connection and retrying ours after ConnectRetry: two neighbors
 * that both refuse connections while damping could otherwise take turns refusing each other.
 */
public final class Peer {
    private final SpeakerConfig speaker;
    private final PeerConfig config;
    private final TimerConfig timerConfig;
    private final RandomGenerator random;
    private final Timers timers = new Timers();
    private final List<Session> sessions = new ArrayList<>(2);

    private boolean enabled;
    private long idleHoldNanos;
    private DownReason lastDown;

    /**
     * The result of {@link Peer#connected}: the session that owns the new connection and the
     * actions to execute.
     *
     * @param session the session to bind the connection to
     * @param actions what to do now (for this and possibly the other session)
     */
    public record Attached(Session session, List<PeerAction> actions) {
        /**
         * Rejects a null session and copies the action list.
         *
         * @param session the session to bind the connection to
         * @param actions what to do now (for this and possibly the other session)
         */
        public Attached {
            Objects.requireNonNull(session, "session");
            actions = List.copyOf(actions);
        }
    }

    /**
     * A stopped neighbor.
     *
     * @param speaker our AS, identifier and default timers
     * @param config  the neighbor
     * @param random  jitter source for all its sessions; seed it in tests
     */
    public Peer(SpeakerConfig speaker, PeerConfig config, RandomGenerator random) {
        this.speaker = Objects.requireNonNull(speaker, "speaker");
        this.config = Objects.requireNonNull(config, "config");
        this.timerConfig = config.effectiveTimers(speaker);
        this.random = Objects.requireNonNull(random, "random");
        this.idleHoldNanos = timerConfig.idleHoldInitial().toNanos();
    }

    // ---------------------------------------------------------------- inputs

    /**
     * ManualStart (RFC 4271 Event 1, or Event 4 for a passive neighbor); resets the back-off. On a
     * running neighbor that sits in IdleHold it cuts the wait short (the operator overrides the
     * damping); otherwise it does nothing.
     *
     * @param nowNanos the current {@link Ticker} reading
     * @return the actions to execute, in order
     */
    public List<PeerAction> start(long nowNanos) {
        if (enabled && !sessions.isEmpty()) {
            return List.of();
        }
        enabled = true;
        idleHoldNanos = timerConfig.idleHoldInitial().toNanos();
        timers.cancel(TimerKind.IDLE_HOLD);
        List<PeerAction> out = new ArrayList<>();
        startSession(new ManualStart(config.passive()), nowNanos, out);
        return out;
    }

    /**
     * ManualStop (Event 2): every session sends CEASE Administrative Shutdown (with the given or
     * the configured shutdown communication, RFC 9003) where an OPEN was sent, and closes.
     *
     * @param communication the RFC 9003 text; empty for the configured one
     * @param nowNanos the current {@link Ticker} reading
     * @return the actions to execute, in order
     */
    public List<PeerAction> stop(Optional<String> communication, long nowNanos) {
        enabled = false;
        timers.cancel(TimerKind.IDLE_HOLD);
        List<PeerAction> out = new ArrayList<>();
        for (Session s : List.copyOf(sessions)) {
            wrap(s, s.handle(new ManualStop(communication), nowNanos), out);
        }
        sweep(nowNanos, out);
        return out;
    }

    /**
     * An operator's reset ("clear neighbor"): every session gets CEASE Administrative Reset (RFC
     * 4486 subcode 4, with an optional RFC 9003 communication) and a new attempt starts at once,
     * with the back-off forgotten.
     *
     * @param communication the RFC 9003 text; empty for none
     * @param nowNanos the current {@link Ticker} reading
     * @return the actions to execute, in order
     */
    public List<PeerAction> reset(Optional<String> communication, long nowNanos) {
        List<PeerAction> out = new ArrayList<>(stop(BgpError.CEASE_ADMINISTRATIVE_RESET, communication, nowNanos));
        out.addAll(start(nowNanos));
        return out;
    }

    /**
     * AutomaticStop (Event 8) of the whole neighbor with a CEASE subcode of the speaker's
     * choosing, e.g. Peer De-configured (RFC 4486 subcode 3) when it is removed, or Other
     * Configuration Change (6); like {@link #stop(Optional, long)} it stays down until
     * {@link #start}. The communication text is only sent with subcodes 2 and 4 (RFC 9003).
     *
     * @param cease the CEASE subcode to send
     * @param communication the RFC 9003 text, sent only with subcodes 2 and 4
     * @param nowNanos the current {@link Ticker} reading
     * @return the actions to execute, in order
     */
    public List<PeerAction> stop(BgpError cease, Optional<String> communication, long nowNanos) {
        enabled = false;
        timers.cancel(TimerKind.IDLE_HOLD);
        List<PeerAction> out = new ArrayList<>();
        for (Session s : List.copyOf(sessions)) {
            wrap(s, s.handle(new AutomaticStop(cease, communication), nowNanos), out);
        }
        sweep(nowNanos, out);
        return out;
    }

    /**
     * A TCP connection with the neighbor came up: our connect completed ({@code inbound} false,
     * RFC 4271 Event 16) or we accepted one (Event 17). The session waiting for a connection takes
     * it; otherwise a second session starts for it and collision resolution decides later; a
     * connection while Established, stopped or damped is refused.
     *
     * @param local our end of the connection
     * @param remote the neighbor's end
     * @param inbound true when the neighbor connected to us (Event 17)
     * @param nowNanos the current {@link Ticker} reading
     * @return the session that takes the connection and the actions to execute
     */
    public Attached connected(InetSocketAddress local, InetSocketAddress remote, boolean inbound, long nowNanos) {
        TcpConnected event = new TcpConnected(local, remote, inbound);
        List<PeerAction> out = new ArrayList<>();
        Optional<String> refusal = refusal();
        if (refusal.isPresent()) {
            Session s = new Session(speaker, config, random);
            wrap(s, s.refuse(event, refusal.get()), out);
            return new Attached(s, out);
        }
        Session target = waitingSession().orElse(null);
        if (target == null) {
            // a second connection: it runs its own FSM until the OPENs tell who wins
            target = new Session(speaker, config, random);
            target.handle(new AutomaticStart(true), nowNanos);
            sessions.add(target);
        }
        wrap(target, target.handle(event, nowNanos), out);
        sweep(nowNanos, out);
        return new Attached(target, out);
    }

    /**
     * Our outbound connect failed (Event 18 for the session in Connect); it moves to Active and
     * retries when its ConnectRetry timer fires.
     *
     * @param reason why, for logs
     * @param nowNanos the current {@link Ticker} reading
     * @return the actions to execute, in order
     */
    public List<PeerAction> connectFailed(String reason, long nowNanos) {
        List<PeerAction> out = new ArrayList<>();
        for (Session s : List.copyOf(sessions)) {
            if (s.state() == SessionState.CONNECT && !s.hasConnection()) {
                wrap(s, s.handle(new TcpConnectionFails(reason), nowNanos), out);
            }
        }
        sweep(nowNanos, out);
        return out;
    }

    /**
     * An event on one session's connection. Events for a session this Peer no longer holds (one
     * that already ended) are ignored, so late events from a closing channel are harmless.
     *
     * @param session the session the event belongs to
     * @param event the event
     * @param nowNanos the current {@link Ticker} reading
     * @return the actions to execute, in order; empty for a session this Peer no longer holds
     */
    public List<PeerAction> handle(Session session, SessionEvent event, long nowNanos) {
        if (!sessions.contains(session)) {
            return List.of();
        }
        List<PeerAction> out = new ArrayList<>();
        Session loser = null;
        // RFC 4271 §6.8: collision detection runs when an acceptable OPEN arrives, before the
        // session answers it, so a losing connection never sends its KEEPALIVE (Event 23
        // OpenCollisionDump in OpenSent)
        if (event instanceof MessageReceived m && m.message() instanceof OpenMessage open
                && session.state().ordinal() < SessionState.OPEN_CONFIRM.ordinal()
                && OpenValidator.validate(open, session.localOpen(), config).isEmpty()) {
            loser = collisionLoser(session, open);
        }
        if (loser == session) {
            collisionDump(session, nowNanos, out);
        } else {
            wrap(session, session.handle(event, nowNanos), out);
            if (loser != null) {
                collisionDump(loser, nowNanos, out);
            }
        }
        sweep(nowNanos, out);
        return out;
    }

    /**
     * The RIB counted more prefixes from the neighbor than {@code limit} (RFC 4486 §4): the
     * Established session ends with CEASE Maximum Number of Prefixes Reached, whose data is the
     * AFI (2 octets), SAFI (1 octet) and the limit (4 octets). With
     * {@link PeerConfig#maxPrefixRestart()} the neighbor starts again (AutomaticStart, Event 3/5)
     * when that IdleHold time is over; without it, it stays stopped until {@link #start}.
     *
     * @param family the family over its limit
     * @param limit the configured maximum
     * @param nowNanos the current {@link Ticker} reading
     * @return the actions to execute, in order; empty when no session is Established
     */
    public List<PeerAction> prefixLimitExceeded(io.jbgp.core.types.AddressFamily family, long limit, long nowNanos) {
        Optional<Session> up = established();
        if (up.isEmpty()) {
            return List.of(); // already gone: a late report from the RIB
        }
        byte[] data = {(byte) (family.afi() >> 8), (byte) family.afi(), (byte) family.safi(),
                (byte) (limit >>> 24), (byte) (limit >>> 16), (byte) (limit >>> 8), (byte) limit};
        NotificationMessage n = BgpError.CEASE_MAX_PREFIXES_REACHED.toNotification(data);
        boolean restart = config.maxPrefixRestart().isPresent();
        if (!restart) {
            enabled = false; // down until the operator starts it again: sweep arms no IdleHold
        }
        List<PeerAction> out = new ArrayList<>();
        Session session = up.get();
        wrap(session, session.stopWith(n, "more than " + limit + " prefixes of " + family, nowNanos), out);
        for (Session other : List.copyOf(sessions)) {
            if (other != session && !restart) {
                // a second connection in progress would only bring the same routes back
                wrap(other, other.handle(new AutomaticStop(BgpError.CEASE_MAX_PREFIXES_REACHED, Optional.empty()),
                        nowNanos), out);
            }
        }
        sweep(nowNanos, out);
        if (restart && sessions.isEmpty()) {
            // the configured restart time replaces the back-off (OpenBGPD "max-prefix N restart M")
            timers.set(TimerKind.IDLE_HOLD, nowNanos + config.maxPrefixRestart().get().toNanos());
        }
        return out;
    }

    /**
     * The transport refuses to queue more for {@code session} (its peer stopped reading while the
     * local sender ignored backpressure): the session ends with CEASE Out of Resources (RFC 4486
     * subcode 8) and the neighbor restarts after the usual IdleHold back-off.
     *
     * @param session the session whose transport gave up
     * @param detail what was queued, for the logs
     * @param nowNanos the ticker's time
     * @return the actions: the NOTIFICATION, the close, the session going down
     */
    public List<PeerAction> outOfResources(Session session, String detail, long nowNanos) {
        if (!sessions.contains(session)) {
            return List.of();
        }
        List<PeerAction> out = new ArrayList<>();
        wrap(session, session.stopWith(BgpError.CEASE_OUT_OF_RESOURCES.toNotification(), detail, nowNanos), out);
        sweep(nowNanos, out);
        return out;
    }

    /**
     * The driver wrote an UPDATE on {@code session}'s connection (restarts its keepalive timer).
     *
     * @param session the session that wrote
     * @param nowNanos the current {@link Ticker} reading
     */
    public void messageSent(Session session, long nowNanos) {
        if (sessions.contains(session)) {
            session.messageSent(nowNanos);
        }
    }

    /**
     * Fires due timers of all sessions and the IdleHold timer.
     *
     * @param nowNanos the current {@link Ticker} reading
     * @return the actions to execute, in order
     */
    public List<PeerAction> poll(long nowNanos) {
        List<PeerAction> out = new ArrayList<>();
        for (Session s : List.copyOf(sessions)) {
            wrap(s, s.poll(nowNanos), out);
        }
        sweep(nowNanos, out);
        if (timers.due(nowNanos).contains(TimerKind.IDLE_HOLD) && enabled && sessions.isEmpty()) {
            // Event 13 IdleHoldTimer_Expires: AutomaticStart
            startSession(new AutomaticStart(config.passive()), nowNanos, out);
        }
        return out;
    }

    // ---------------------------------------------------------------- queries

    /** {@return the earliest deadline of any session or the IdleHold timer} */
    public OptionalLong nextDeadline() {
        OptionalLong best = timers.next();
        for (Session s : sessions) {
            OptionalLong d = s.nextDeadline();
            if (d.isPresent() && (best.isEmpty() || d.getAsLong() - best.getAsLong() < 0)) {
                best = d;
            }
        }
        return best;
    }

    /** {@return the most advanced state among the sessions, IDLE when there are none} */
    public SessionState state() {
        SessionState best = SessionState.IDLE;
        for (Session s : sessions) {
            if (s.state().ordinal() > best.ordinal()) {
                best = s.state();
            }
        }
        return best;
    }

    /** {@return the Established session, if any (there is never more than one)} */
    public Optional<Session> established() {
        return sessions.stream().filter(s -> s.state() == SessionState.ESTABLISHED).findFirst();
    }

    /** {@return the live sessions, at most two} */
    public List<Session> sessions() {
        return List.copyOf(sessions);
    }

    /** {@return the neighbor's identity in the ports} */
    public PeerKey key() {
        return config.key();
    }

    /** {@return the neighbor's configuration} */
    public PeerConfig config() {
        return config;
    }

    /** {@return true between {@link #start} and {@link #stop}} */
    public boolean isEnabled() {
        return enabled;
    }

    /** {@return the IdleHoldTime the next error-free restart would wait (before jitter)} */
    public Duration idleHoldTime() {
        return Duration.ofNanos(idleHoldNanos);
    }

    /** {@return the IdleHold deadline while damping} */
    public OptionalLong idleHoldDeadline() {
        return timers.deadline(TimerKind.IDLE_HOLD);
    }

    /**
     * Why the last session ended.
     *
     * @return the reason, or empty before any session ended
     */
    public Optional<DownReason> lastDown() {
        return Optional.ofNullable(lastDown);
    }

    // ---------------------------------------------------------------- internals

    private Optional<String> refusal() {
        if (!enabled) {
            return Optional.of("neighbor is stopped");
        }
        if (timers.isArmed(TimerKind.IDLE_HOLD)) {
            return Optional.of("neighbor is in IdleHold after an error");
        }
        if (established().isPresent()) {
            return Optional.of("a session is already established");
        }
        if (sessions.size() >= 2 && waitingSession().isEmpty()) {
            return Optional.of("two connections already");
        }
        return Optional.empty();
    }

    /** The session in Connect or Active that has no connection yet. */
    private Optional<Session> waitingSession() {
        return sessions.stream()
                .filter(s -> (s.state() == SessionState.CONNECT || s.state() == SessionState.ACTIVE)
                        && !s.hasConnection())
                .findFirst();
    }

    private void startSession(SessionEvent start, long now, List<PeerAction> out) {
        Session s = new Session(speaker, config, random);
        sessions.add(s);
        wrap(s, s.handle(start, now), out);
    }

    /**
     * RFC 4271 §6.8 for {@code fresh}, which just received the acceptable OPEN {@code open}:
     * against an Established session the fresh one loses; against one in OpenConfirm or OpenSent
     * the identifiers decide. Returns the session to close, or null.
     */
    private Session collisionLoser(Session fresh, OpenMessage open) {
        for (Session other : sessions) {
            if (other == fresh) {
                continue;
            }
            if (other.state() == SessionState.ESTABLISHED) {
                return fresh;
            }
            // OpenSent too: RFC 4271 §6.8 allows it when the peer's identifier is known "by means
            // outside the protocol", and the OPEN in hand tells us exactly that; deciding now means
            // neither connection has sent a KEEPALIVE that could establish the loser remotely
            if (other.state() == SessionState.OPEN_CONFIRM
                    || (other.state() == SessionState.OPEN_SENT && other.hasConnection())) {
                if (fresh.isInbound() == other.isInbound()) {
                    return fresh; // two connections the same way round: the rule cannot apply, keep the older
                }
                boolean keepOutbound = localWins(speaker.routerId(), open.bgpId(), speaker.localAs(), open.asn());
                // keep the connection the winner initiated: ours is the outbound one
                return fresh.isInbound() == keepOutbound ? fresh : other;
            }
        }
        return null;
    }

    /** Closes a collision loser with CEASE subcode 7 (RFC 4486). */
    private void collisionDump(Session loser, long now, List<PeerAction> out) {
        wrap(loser, loser.handle(new AutomaticStop(BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION,
                Optional.empty()), now), out);
    }

    /**
     * True when the connection initiated by the local system survives a collision: RFC 4271 §6.8
     * compares the BGP Identifiers as unsigned integers, and RFC 6286 §2.3 breaks a tie with the
     * AS numbers (the larger AS wins).
     */
    static boolean localWins(RouterId local, RouterId remote, Asn localAs, Asn remoteAs) {
        int c = local.compareTo(remote); // unsigned, see RouterId.compareTo
        if (c != 0) {
            return c > 0;
        }
        return localAs.compareTo(remoteAs) > 0;
    }

    /**
     * Drops ended sessions; when the last one is gone, schedules the restart (IdleHold) and
     * updates the back-off from the last reason.
     */
    private void sweep(long now, List<PeerAction> out) {
        boolean removed = false;
        for (Session s : List.copyOf(sessions)) {
            if (s.state() == SessionState.IDLE) {
                sessions.remove(s);
                removed = true;
                DownReason reason = s.downReason().orElse(null);
                if (reason != null) {
                    lastDown = reason;
                    // a long-enough Established period forgives earlier errors
                    OptionalLong up = s.establishedAtNanos();
                    if (up.isPresent() && now - up.getAsLong() >= timerConfig.idleHoldStable().toNanos()) {
                        idleHoldNanos = timerConfig.idleHoldInitial().toNanos();
                    }
                }
            }
        }
        if (!removed || !sessions.isEmpty() || !enabled || lastDown == null) {
            return;
        }
        if (isCollisionOnly(lastDown)) {
            startSession(new AutomaticStart(config.passive()), now, out);
            return;
        }
        if (isRefusal(lastDown)) {
            // the peer is up or damping: wait for it in Active, accepting its connection, and
            // connect again only after ConnectRetry; sleeping in IdleHold here could make two
            // damping peers refuse each other forever
            Session s = new Session(speaker, config, random);
            sessions.add(s);
            if (config.passive()) {
                wrap(s, s.handle(new AutomaticStart(true), now), out);
            } else {
                wrap(s, s.startWaiting(now), out);
            }
            return;
        }
        timers.set(TimerKind.IDLE_HOLD, now + jitter(idleHoldNanos));
        if (lastDown.isError()) {
            idleHoldNanos = Math.min(idleHoldNanos * 2, timerConfig.idleHoldMax().toNanos());
        }
    }

    /** A down that only says "the other connection won": no reason to wait. */
    private static boolean isCollisionOnly(DownReason reason) {
        if (reason.kind() == DownReason.Kind.COLLISION_LOST) {
            return true;
        }
        return reason.kind() == DownReason.Kind.NOTIFICATION_RECEIVED && reason.notification()
                .map(n -> n.code() == ErrorCode.CEASE.code()
                        && n.subcode() == BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION.subcode())
                .orElse(false);
    }

    /** The peer sent CEASE Connection Rejected (RFC 4486 subcode 5). */
    private static boolean isRefusal(DownReason reason) {
        return reason.kind() == DownReason.Kind.NOTIFICATION_RECEIVED && reason.notification()
                .map(n -> n.code() == ErrorCode.CEASE.code()
                        && n.subcode() == BgpError.CEASE_CONNECTION_REJECTED.subcode())
                .orElse(false);
    }

    /** RFC 4271 §10 jitter in [0.75, 1.0]. */
    private long jitter(long nanos) {
        return Math.max(1, (long) (nanos * (0.75 + 0.25 * random.nextDouble())));
    }

    private static void wrap(Session s, List<SessionAction> actions, List<PeerAction> out) {
        for (SessionAction a : actions) {
            out.add(new PeerAction(s, a));
        }
    }

    @Override
    public String toString() {
        return "Peer[" + config.key() + " " + state().displayName() + " " + sessions + "]";
    }
}
