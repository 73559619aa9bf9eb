package io.jbgp.core.fsm;

import java.util.Objects;

/**
 * A {@link SessionAction} addressed to one of a {@link Peer}'s sessions: the driver executes it on
 * the connection bound to {@code session} (for {@link SessionAction.Connect}, it opens a new
 * outbound connection and reports the result to the Peer).
 *
 * @param session the session (connection) the action is for
 * @param action  what to do
 */
public record PeerAction(Session session, SessionAction action) {
    public PeerAction {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(action, "action");
    }
}
