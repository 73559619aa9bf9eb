package io.jbgp.netty.session;

import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.MessageType;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.netty.MessageStatistics;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One neighbor's message counters (OpenBGPD's {@code struct peer_stats}), shared by all of its
 * connections and kept for as long as the neighbor is configured. Written on the neighbor's event
 * loop by {@link MessageStatisticsHandler}; read from any thread without locks or waiting, so a
 * snapshot may mix counts from either side of a message being counted (each field on its own is
 * exact and never goes backwards, except the out queue, which is a level).
 */
final class MessageCounters {
    // one slot per counted quantity, the same layout for both directions
    private static final int OPEN = 0;
    private static final int UPDATE = 1;
    private static final int NOTIFICATION = 2;
    private static final int KEEPALIVE = 3;
    private static final int ROUTE_REFRESH = 4;
    private static final int ANNOUNCED = 5;
    private static final int WITHDRAWN = 6;
    private static final int END_OF_RIB = 7;
    private static final int REFRESH_REQUEST = 8;
    private static final int BEGIN_OF_REFRESH = 9;
    private static final int END_OF_REFRESH = 10;
    private static final int SLOTS = 11;

    private final AtomicLongArray sent = new AtomicLongArray(SLOTS);
    private final AtomicLongArray received = new AtomicLongArray(SLOTS);
    /** Messages written to a channel whose write promise has not completed yet. */
    private final AtomicLong queued = new AtomicLong();
    private volatile NotificationMessage lastSent;
    private volatile NotificationMessage lastReceived;
    /** The neighbor's open connections, for the octets in their outbound buffers. */
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();

    /**
     * What one message adds to a direction's counters, computed when it is handed to the channel
     * so that nothing but these few numbers waits for the write to complete (an UPDATE's NLRI
     * lists are garbage as soon as it is encoded). {@code refreshSubtype} is -1 and
     * {@code notification} null for other message types.
     */
    record Tally(MessageType type, int announced, int withdrawn, boolean endOfRib, int refreshSubtype,
                 NotificationMessage notification) {

        static Tally of(BgpMessage m) {
            if (m instanceof UpdateMessage u) {
                return update(u, u.isEndOfRib());
            }
            if (m instanceof RouteRefreshMessage r) {
                return new Tally(MessageType.ROUTE_REFRESH, 0, 0, false, r.subtype(), null);
            }
            if (m instanceof NotificationMessage n) {
                return new Tally(MessageType.NOTIFICATION, 0, 0, false, -1, n);
            }
            return new Tally(m.type(), 0, 0, false, -1, null);
        }

        static Tally update(UpdateMessage u, boolean endOfRib) {
            int announced = u.announced().size() + u.mpReach().map(r -> r.nlri().size()).orElse(0);
            int withdrawn = u.withdrawn().size() + u.mpUnreach().map(r -> r.withdrawn().size()).orElse(0);
            return new Tally(MessageType.UPDATE, announced, withdrawn, endOfRib, -1, null);
        }
    }

    /** A message was read from the neighbor. */
    void received(Tally t) {
        add(received, t);
        if (t.notification() != null) {
            lastReceived = t.notification();
        }
    }

    /** A message was handed to a channel of the neighbor; it is queued until {@link #written}. */
    void enqueued() {
        queued.incrementAndGet();
    }

    /**
     * A message handed to the channel left the queue: written to the socket ({@code success}),
     * or dropped because the write failed or the connection closed first.
     */
    void written(Tally t, boolean success) {
        if (success) {
            add(sent, t);
            if (t.notification() != null) {
                lastSent = t.notification();
            }
        }
        queued.decrementAndGet();
    }

    void attach(Channel ch) {
        channels.add(ch);
    }

    void detach(Channel ch) {
        channels.remove(ch);
    }

    private static void add(AtomicLongArray a, Tally t) {
        switch (t.type()) {
            case OPEN -> a.incrementAndGet(OPEN);
            case UPDATE -> {
                a.incrementAndGet(UPDATE);
                a.addAndGet(ANNOUNCED, t.announced());
                a.addAndGet(WITHDRAWN, t.withdrawn());
                if (t.endOfRib()) {
                    a.incrementAndGet(END_OF_RIB);
                }
            }
            case NOTIFICATION -> a.incrementAndGet(NOTIFICATION);
            case KEEPALIVE -> a.incrementAndGet(KEEPALIVE);
            case ROUTE_REFRESH -> {
                a.incrementAndGet(ROUTE_REFRESH);
                // RFC 7313 §3.2 subtypes; others (reserved) count only as ROUTE-REFRESH
                switch (t.refreshSubtype()) {
                    case 0 -> a.incrementAndGet(REFRESH_REQUEST);
                    case 1 -> a.incrementAndGet(BEGIN_OF_REFRESH);
                    case 2 -> a.incrementAndGet(END_OF_REFRESH);
                    default -> { }
                }
            }
            default -> throw new IllegalStateException("MessageCounters.add: unknown type " + t.type());
        }
    }

    /** The counts now; never blocks. */
    MessageStatistics snapshot() {
        long bytes = 0;
        for (Channel ch : channels) {
            // a volatile read in Netty's buffer; null once the channel is closed
            ChannelOutboundBuffer b = ch.unsafe().outboundBuffer();
            bytes += b == null ? 0 : b.totalPendingWriteBytes();
        }
        return new MessageStatistics(counts(sent), counts(received), Math.max(0, queued.get()), bytes,
                Optional.ofNullable(lastSent), Optional.ofNullable(lastReceived));
    }

    private static MessageStatistics.MessageCounts counts(AtomicLongArray a) {
        return new MessageStatistics.MessageCounts(a.get(OPEN), a.get(UPDATE), a.get(NOTIFICATION),
                a.get(KEEPALIVE), a.get(ROUTE_REFRESH), a.get(ANNOUNCED), a.get(WITHDRAWN), a.get(END_OF_RIB),
                a.get(REFRESH_REQUEST), a.get(BEGIN_OF_REFRESH), a.get(END_OF_REFRESH));
    }
}
