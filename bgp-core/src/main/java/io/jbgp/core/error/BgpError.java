package io.jbgp.core.error;

import io.jbgp.core.message.NotificationMessage;

/**
 * Every NOTIFICATION (code, subcode) pair this speaker knows, with its RFC name. Subcodes from
 * RFC 4271 §4.5 and §6, RFC 4486 and RFC 8538 (Cease), RFC 5492 (unsupported capability), RFC 6608
 * (FSM), RFC 7313 (ROUTE-REFRESH), RFC 9234 (role mismatch) and RFC 9687 (send hold timer).
 * Subcode 0 of a code is "unspecific".
 */
public enum BgpError {
    /** Message header error with no specific subcode (RFC 4271 §6.1). */
    HEADER_UNSPECIFIC(ErrorCode.MESSAGE_HEADER, 0, "unspecific"),
    /** The 16-octet marker is not all ones (RFC 4271 §6.1). */
    HEADER_CONNECTION_NOT_SYNCHRONIZED(ErrorCode.MESSAGE_HEADER, 1, "Connection Not Synchronized"),
    /** The length field is below 19, above the maximum, or wrong for the type (RFC 4271 §6.1). */
    HEADER_BAD_MESSAGE_LENGTH(ErrorCode.MESSAGE_HEADER, 2, "Bad Message Length"),
    /** The type octet is not one we know (RFC 4271 §6.1). */
    HEADER_BAD_MESSAGE_TYPE(ErrorCode.MESSAGE_HEADER, 3, "Bad Message Type"),

    /** OPEN message error with no specific subcode (RFC 4271 §6.2). */
    OPEN_UNSPECIFIC(ErrorCode.OPEN_MESSAGE, 0, "unspecific"),
    /** The peer's BGP version is not 4 (RFC 4271 §6.2). */
    OPEN_UNSUPPORTED_VERSION_NUMBER(ErrorCode.OPEN_MESSAGE, 1, "Unsupported Version Number"),
    /** The peer's AS is not the one configured for it (RFC 4271 §6.2). */
    OPEN_BAD_PEER_AS(ErrorCode.OPEN_MESSAGE, 2, "Bad Peer AS"),
    /**
     * The peer's BGP Identifier is 0 or, for iBGP, equal to ours (RFC 4271 §6.2, RFC 6286 §2.2).
     */
    OPEN_BAD_BGP_IDENTIFIER(ErrorCode.OPEN_MESSAGE, 3, "Bad BGP Identifier"),
    /** An optional parameter other than Capabilities (RFC 4271 §6.2, RFC 5492 §3). */
    OPEN_UNSUPPORTED_OPTIONAL_PARAMETER(ErrorCode.OPEN_MESSAGE, 4, "Unsupported Optional Parameter"),
    /** Deprecated by RFC 4271; kept so a peer's NOTIFICATION prints with its name. */
    OPEN_AUTHENTICATION_FAILURE(ErrorCode.OPEN_MESSAGE, 5, "Authentication Failure (deprecated)"),
    /** A hold time of 1 or 2 seconds, or one our configuration refuses (RFC 4271 §6.2). */
    OPEN_UNACCEPTABLE_HOLD_TIME(ErrorCode.OPEN_MESSAGE, 6, "Unacceptable Hold Time"),
    /** The peer lacks a capability we require (RFC 5492 §5). */
    OPEN_UNSUPPORTED_CAPABILITY(ErrorCode.OPEN_MESSAGE, 7, "Unsupported Capability"),
    /** The BGP roles do not match (RFC 9234 §4.2). */
    OPEN_ROLE_MISMATCH(ErrorCode.OPEN_MESSAGE, 11, "Role Mismatch"),

    /** UPDATE message error with no specific subcode (RFC 4271 §6.3). */
    UPDATE_UNSPECIFIC(ErrorCode.UPDATE_MESSAGE, 0, "unspecific"),
    /**
     * Attribute or withdrawn-routes lengths do not add up, or an attribute repeats (RFC 4271 §6.3).
     */
    UPDATE_MALFORMED_ATTRIBUTE_LIST(ErrorCode.UPDATE_MESSAGE, 1, "Malformed Attribute List"),
    /** A well-known attribute type we do not recognise (RFC 4271 §6.3). */
    UPDATE_UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE(ErrorCode.UPDATE_MESSAGE, 2, "Unrecognized Well-known Attribute"),
    /** ORIGIN, AS_PATH or NEXT_HOP missing while NLRI are present (RFC 4271 §6.3). */
    UPDATE_MISSING_WELL_KNOWN_ATTRIBUTE(ErrorCode.UPDATE_MESSAGE, 3, "Missing Well-known Attribute"),
    /** Attribute flags contradict the attribute type (RFC 4271 §6.3). */
    UPDATE_ATTRIBUTE_FLAGS_ERROR(ErrorCode.UPDATE_MESSAGE, 4, "Attribute Flags Error"),
    /** Attribute length wrong for its type (RFC 4271 §6.3). */
    UPDATE_ATTRIBUTE_LENGTH_ERROR(ErrorCode.UPDATE_MESSAGE, 5, "Attribute Length Error"),
    /** ORIGIN value other than 0, 1 or 2 (RFC 4271 §6.3). */
    UPDATE_INVALID_ORIGIN_ATTRIBUTE(ErrorCode.UPDATE_MESSAGE, 6, "Invalid ORIGIN Attribute"),
    /** Deprecated by RFC 4271. */
    UPDATE_AS_ROUTING_LOOP(ErrorCode.UPDATE_MESSAGE, 7, "AS Routing Loop (deprecated)"),
    /** NEXT_HOP is not a valid host address (RFC 4271 §6.3). */
    UPDATE_INVALID_NEXT_HOP_ATTRIBUTE(ErrorCode.UPDATE_MESSAGE, 8, "Invalid NEXT_HOP Attribute"),
    /** An optional attribute fails its own checks (RFC 4271 §6.3). */
    UPDATE_OPTIONAL_ATTRIBUTE_ERROR(ErrorCode.UPDATE_MESSAGE, 9, "Optional Attribute Error"),
    /** An NLRI prefix is syntactically wrong, e.g. length above 32 (RFC 4271 §6.3). */
    UPDATE_INVALID_NETWORK_FIELD(ErrorCode.UPDATE_MESSAGE, 10, "Invalid Network Field"),
    /** AS_PATH segments are malformed or its first AS is not the peer's (RFC 4271 §6.3). */
    UPDATE_MALFORMED_AS_PATH(ErrorCode.UPDATE_MESSAGE, 11, "Malformed AS_PATH"),

    /** No KEEPALIVE or UPDATE arrived within the negotiated hold time (RFC 4271 §6.5). */
    HOLD_TIMER_EXPIRED(ErrorCode.HOLD_TIMER_EXPIRED, 0, "Hold Timer Expired"),

    /** FSM error with no specific subcode (RFC 4271 §6.6). */
    FSM_UNSPECIFIED(ErrorCode.FSM, 0, "Unspecified Error"),
    /** A message other than OPEN or NOTIFICATION arrived in OpenSent (RFC 6608 §4). */
    FSM_UNEXPECTED_MESSAGE_IN_OPEN_SENT(ErrorCode.FSM, 1, "Receive Unexpected Message in OpenSent State"),
    /** A message other than KEEPALIVE or NOTIFICATION arrived in OpenConfirm (RFC 6608 §4). */
    FSM_UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM(ErrorCode.FSM, 2, "Receive Unexpected Message in OpenConfirm State"),
    /** An OPEN arrived in Established (RFC 6608 §4). */
    FSM_UNEXPECTED_MESSAGE_IN_ESTABLISHED(ErrorCode.FSM, 3, "Receive Unexpected Message in Established State"),

    /** Cease with no specific subcode (RFC 4271 §6.7). */
    CEASE_UNSPECIFIC(ErrorCode.CEASE, 0, "unspecific"),
    /** The peer sent more prefixes than its configured limit (RFC 4486 §4). */
    CEASE_MAX_PREFIXES_REACHED(ErrorCode.CEASE, 1, "Maximum Number of Prefixes Reached"),
    /** The operator shut the session down (RFC 4486 §4, RFC 9003 shutdown message). */
    CEASE_ADMINISTRATIVE_SHUTDOWN(ErrorCode.CEASE, 2, "Administrative Shutdown"),
    /** The peer was removed from the configuration (RFC 4486 §4). */
    CEASE_PEER_DECONFIGURED(ErrorCode.CEASE, 3, "Peer De-configured"),
    /** The operator reset the session (RFC 4486 §4). */
    CEASE_ADMINISTRATIVE_RESET(ErrorCode.CEASE, 4, "Administrative Reset"),
    /** An incoming connection was refused, e.g. from an unknown address (RFC 4486 §4). */
    CEASE_CONNECTION_REJECTED(ErrorCode.CEASE, 5, "Connection Rejected"),
    /** Configuration changed in a way that needs a new session (RFC 4486 §4). */
    CEASE_OTHER_CONFIGURATION_CHANGE(ErrorCode.CEASE, 6, "Other Configuration Change"),
    /** This connection lost the collision resolution of RFC 4271 §6.8 (RFC 4486 §4). */
    CEASE_CONNECTION_COLLISION_RESOLUTION(ErrorCode.CEASE, 7, "Connection Collision Resolution"),
    /** The speaker ran out of resources, e.g. memory (RFC 4486 §4). */
    CEASE_OUT_OF_RESOURCES(ErrorCode.CEASE, 8, "Out of Resources"),
    /** Hard reset: graceful restart state must not be kept (RFC 8538 §3). */
    CEASE_HARD_RESET(ErrorCode.CEASE, 9, "Hard Reset"),
    /** BFD reported the peer unreachable (RFC 9384). */
    CEASE_BFD_DOWN(ErrorCode.CEASE, 10, "BFD Down"),

    /** A ROUTE-REFRESH message with a bad length (RFC 7313 §5). */
    ROUTE_REFRESH_INVALID_MESSAGE_LENGTH(ErrorCode.ROUTE_REFRESH, 1, "Invalid Message Length"),

    /** We could not send for the send hold time, so the peer is stuck (RFC 9687 §3). */
    SEND_HOLD_TIMER_EXPIRED(ErrorCode.SEND_HOLD_TIMER_EXPIRED, 0, "Send Hold Timer Expired");

    private final ErrorCode code;
    private final int subcode;
    private final String description;

    BgpError(ErrorCode code, int subcode, String description) {
        this.code = code;
        this.subcode = subcode;
        this.description = description;
    }

    /** {@return the error code this subcode belongs to} */
    public ErrorCode code() {
        return code;
    }

    /** {@return the subcode, 0 (unspecific) to 255} */
    public int subcode() {
        return subcode;
    }

    /** {@return the RFC name of the subcode, e.g. "Malformed AS_PATH"} */
    public String description() {
        return description;
    }

    /**
     * The constant for a (code, subcode) pair, or {@code null} when we do not know the pair.
     *
     * @param code the error code octet, 1..255
     * @param subcode the error subcode octet, 0..255
     * @return the constant, or {@code null} (the caller keeps the raw pair)
     */
    public static BgpError of(int code, int subcode) {
        for (BgpError e : values()) {
            if (e.code.code() == code && e.subcode == subcode) {
                return e;
            }
        }
        return null;
    }

    /**
     * The NOTIFICATION that reports this error, with its data field.
     *
     * @param data the data field (RFC 4271 §4.5), e.g. the offending attribute; not copied
     * @return the message to send before closing the connection
     */
    public NotificationMessage toNotification(byte[] data) {
        return new NotificationMessage(code.code(), subcode, data);
    }

    /** {@return the NOTIFICATION for this error with an empty data field} */
    public NotificationMessage toNotification() {
        return toNotification(new byte[0]);
    }

    /** "Cease / Administrative Shutdown", the way FRR and bgpctl print it. */
    @Override
    public String toString() {
        return code.description() + " / " + description;
    }
}
