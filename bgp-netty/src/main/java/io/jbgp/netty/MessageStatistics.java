package io.jbgp.netty;

import io.jbgp.core.message.NotificationMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * A neighbor's message statistics at one moment: what went over its connections in each
 * direction, by message type and by prefix, and what is queued for the socket (OpenBGPD's
 * {@code bgpctl show neighbor} "Message statistics" and "Update statistics", FRR's
 * {@code messageStats}). An immutable snapshot from {@link BgpSpeaker#statistics}.
 *
 * <p>Where the counting happens, precisely:
 * <ul>
 *   <li><b>received</b>: a message counts when it has been read from the socket and framed, as
 *       the session handler receives it, whether or not the FSM then accepts it (an UPDATE in
 *       OpenConfirm is still a received UPDATE). A malformed UPDATE, OPEN or ROUTE-REFRESH counts
 *       under its type (RFC 7606 treat-as-withdraw UPDATEs with the prefixes they withdraw); a
 *       frame whose header is bad has no trustworthy type and is not counted.</li>
 *   <li><b>sent</b>: a message counts when Netty reports it written to the socket (its write
 *       promise succeeded), not when the FSM or the RIB asked for it. A message dropped because
 *       the connection closed first is never counted. The count follows the write on the event
 *       loop, so for a moment the neighbor may have read a message we do not count yet.</li>
 *   <li><b>out queue</b>: messages handed to the connection and not yet written, i.e. enqueued
 *       minus written minus dropped; {@link #outQueueBytes} is the octets in the connections'
 *       outbound buffers as Netty accounts them (encoded size plus a small per-entry overhead),
 *       the figure the session's 32 MiB hard limit is checked against.</li>
 * </ul>
 *
 * <p>Lifetime: the counts belong to the neighbor, not to a session. Like OpenBGPD's (and FRR
 * 8.4's, checked against a running one), they keep growing across session resets,
 * {@link BgpSpeaker#stopPeer}/{@link BgpSpeaker#startPeer}, {@link BgpSpeaker#resetPeer},
 * collisions (both connections count, a refused one included) and reconnects, from
 * {@link BgpSpeaker#addPeer} until {@link BgpSpeaker#removePeer}.
 *
 * @param sent                     what we wrote to the neighbor
 * @param received                 what the neighbor sent us
 * @param outQueueMessages         messages queued for the socket, not yet written
 * @param outQueueBytes            octets queued for the socket, not yet written
 * @param lastNotificationSent     the last NOTIFICATION written to the neighbor, if any
 * @param lastNotificationReceived the last NOTIFICATION received from the neighbor, if any
 */
public record MessageStatistics(MessageCounts sent, MessageCounts received, long outQueueMessages,
        long outQueueBytes, Optional<NotificationMessage> lastNotificationSent,
        Optional<NotificationMessage> lastNotificationReceived) {

    /** A neighbor that never exchanged a message. */
    public static final MessageStatistics NONE = new MessageStatistics(MessageCounts.NONE, MessageCounts.NONE,
            0, 0, Optional.empty(), Optional.empty());

    /**
     * Checks the fields.
     *
     * @param sent what we wrote to the neighbor
     * @param received what the neighbor sent us
     * @param outQueueMessages messages queued for the socket, not yet written
     * @param outQueueBytes octets queued for the socket, not yet written
     * @param lastNotificationSent the last NOTIFICATION written to the neighbor, if any
     * @param lastNotificationReceived the last NOTIFICATION received from the neighbor, if any
     */
    public MessageStatistics {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(lastNotificationSent, "lastNotificationSent");
        Objects.requireNonNull(lastNotificationReceived, "lastNotificationReceived");
        if (outQueueMessages < 0 || outQueueBytes < 0) {
            throw new IllegalArgumentException("negative out queue: " + outQueueMessages + " messages, "
                    + outQueueBytes + " octets");
        }
    }

    /**
     * The counts of one direction. Message counts are per type (RFC 4271 §4.1, RFC 2918);
     * prefix counts look inside UPDATEs, classic and multiprotocol fields together.
     *
     * @param opens             OPEN messages
     * @param updates           UPDATE messages, End-of-RIB markers included
     * @param notifications     NOTIFICATION messages
     * @param keepalives        KEEPALIVE messages
     * @param routeRefreshes    ROUTE-REFRESH messages of every subtype
     * @param prefixesAnnounced NLRI announced (NLRI field and MP_REACH_NLRI)
     * @param prefixesWithdrawn NLRI withdrawn (Withdrawn Routes field and MP_UNREACH_NLRI)
     * @param endOfRibs         End-of-RIB markers (RFC 4724 §2)
     * @param refreshRequests   ROUTE-REFRESH requests, subtype 0 (RFC 2918)
     * @param beginOfRefreshes  BoRR markers, subtype 1 (RFC 7313 §3.2)
     * @param endOfRefreshes    EoRR markers, subtype 2 (RFC 7313 §3.2)
     */
    public record MessageCounts(long opens, long updates, long notifications, long keepalives,
            long routeRefreshes, long prefixesAnnounced, long prefixesWithdrawn, long endOfRibs,
            long refreshRequests, long beginOfRefreshes, long endOfRefreshes) {

        /** Nothing counted. */
        public static final MessageCounts NONE = new MessageCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /**
         * Messages of every type.
         *
         * @return OPENs + UPDATEs + NOTIFICATIONs + KEEPALIVEs + ROUTE-REFRESHes
         */
        public long total() {
            return opens + updates + notifications + keepalives + routeRefreshes;
        }

        /**
         * The sum of two counts, e.g. to carry a neighbor's totals over its removal and re-adding.
         *
         * @param other the counts to add
         * @return the field-wise sum
         */
        public MessageCounts plus(MessageCounts other) {
            return new MessageCounts(opens + other.opens, updates + other.updates,
                    notifications + other.notifications, keepalives + other.keepalives,
                    routeRefreshes + other.routeRefreshes, prefixesAnnounced + other.prefixesAnnounced,
                    prefixesWithdrawn + other.prefixesWithdrawn, endOfRibs + other.endOfRibs,
                    refreshRequests + other.refreshRequests, beginOfRefreshes + other.beginOfRefreshes,
                    endOfRefreshes + other.endOfRefreshes);
        }
    }
}
