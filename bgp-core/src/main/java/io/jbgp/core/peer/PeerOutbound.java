package io.jbgp.core.peer;

import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import java.util.List;

/**
 * The outbound port: how the RIB sends to one established session (STYLE §1). {@code bgp-netty}
 * implements it for a channel; RIB tests use a recording fake.
 *
 * <p>Threading contract: every method may be called from any thread (in practice the RIB
 * executor). Sends hop to the channel's event loop and never block; they are written in call
 * order. After the session went down, sends are silently dropped and {@link #isOpen()} is false.
 * The messages must already fit the negotiated {@link io.jbgp.core.codec.CodecContext}
 * (maximum length, ADD-PATH, 4-octet AS); the driver does not split or rewrite them.
 *
 * <p>Flow control: {@link #isWritable()} turns false when the channel's outbound buffer passes
 * its high-water mark. A bulk sender (the RIB's table feeder) stops, and asks
 * {@link #whenWritable(Runnable)} to be resumed, instead of queueing an unbounded amount.
 */
public interface PeerOutbound {

    /** The neighbor this outbound belongs to. */
    PeerKey peer();

    /** Queues the UPDATEs in order and flushes once after the last. */
    void send(List<UpdateMessage> updates);

    /** Queues one UPDATE and flushes. */
    default void send(UpdateMessage update) {
        send(List.of(update));
    }

    /** Sends a ROUTE-REFRESH request (RFC 2918) or a BoRR/EoRR marker (RFC 7313). */
    void sendRouteRefresh(RouteRefreshMessage refresh);

    /** False while the outbound buffer is above its high-water mark, or after the session ended. */
    boolean isWritable();

    /** False once the session has gone down; this object is then useless. */
    boolean isOpen();

    /**
     * Runs {@code task} once, on the RIB executor (the thread {@link PeerEventHandler} calls arrive
     * on), as soon as the channel is writable: right away (posted, not inline) if it already is.
     * A task registered on a closed outbound is dropped; the {@code down} event follows instead.
     */
    void whenWritable(Runnable task);
}
