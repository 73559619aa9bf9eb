package io.jbgp.core.message;

/**
 * A BGP message, decoded. Messages are immutable values with no wire lengths inside; reading and
 * writing live in {@code io.jbgp.core.codec}.
 */
public sealed interface BgpMessage
        permits OpenMessage, UpdateMessage, NotificationMessage, KeepaliveMessage, RouteRefreshMessage {
    /** {@return the message type, as in the header's type octet} */
    MessageType type();
}
