package io.jbgp.rib.out;

import io.jbgp.core.message.UpdateMessage;

/**
 * Where the RIB sends a neighbor's UPDATEs (the session's outbound port). Called on the RIB
 * executor; implementations hand the message to the transport and return at once.
 */
public interface UpdateSink {

    /** Queues one UPDATE for the neighbor. */
    void send(UpdateMessage update);

    /**
     * Whether the transport can take more now; while false the RIB keeps updates queued and
     * pauses the table feed until it is told the neighbor is writable again.
     */
    default boolean isWritable() {
        return true;
    }
}
