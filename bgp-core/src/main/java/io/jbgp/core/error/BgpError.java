package io.jbgp.core.error;

import io.jbgp.core.message.NotificationMessage;

/**
 * Every NOTIFICATION (code, subcode) pair this speaker knows, with its RFC name. Subcodes from
 * RFC 4271 §4.5 and §6, RFC 4486 and RFC 8538 (Cease), RFC 5492 (unsupported capability), RFC 6608
 * (FSM), RFC 7313 (ROUTE-REFRESH), RFC 9234 (role mismatch) and RFC 9687 (send hold timer).
 * Subcode 0 of a code is "unspecific".
 */
public enum BgpError {
    HEADER_UNSPECIFIC(ErrorCode.MESSAGE_HEADER, 0, "unspecific"),
    HEADER_CONNECTION_NOT_SYNCHRONIZED(ErrorCode.MESSAGE_HEADER, 1, "Connection Not Synchronized"),
    HEADER_BAD_MESSAGE_LENGTH(ErrorCode.MESSAGE_HEADER, 2, "Bad Message Length"),
    HEADER_BAD_MESSAGE_TYPE(ErrorCode.MESSAGE_HEADER, 3, "Bad Message Type"),

    OPEN_UNSPECIFIC(ErrorCode.OPEN_MESSAGE, 0, "unspecific"),
    OPEN_UNSUPPORTED_VERSION_NUMBER(ErrorCode.OPEN_MESSAGE, 1, "Unsupported Version Number"),
    OPEN_BAD_PEER_AS(ErrorCode.OPEN_MESSAGE, 2, "Bad Peer AS"),
    OPEN_BAD_BGP_IDENTIFIER(ErrorCode.OPEN_MESSAGE, 3, "Bad BGP Identifier"),
    OPEN_UNSUPPORTED_OPTIONAL_PARAMETER(ErrorCode.OPEN_MESSAGE, 4, "Unsupported Optional Parameter"),
    /** Deprecated by RFC 4271; kept so a peer's NOTIFICATION prints with its name. */
    OPEN_AUTHENTICATION_FAILURE(ErrorCode.OPEN_MESSAGE, 5, "Authentication Failure (deprecated)"),
    OPEN_UNACCEPTABLE_HOLD_TIME(ErrorCode.OPEN_MESSAGE, 6, "Unacceptable Hold Time"),
    OPEN_UNSUPPORTED_CAPABILITY(ErrorCode.OPEN_MESSAGE, 7, "Unsupported Capability"),
    OPEN_ROLE_MISMATCH(ErrorCode.OPEN_MESSAGE, 11, "Role Mismatch"),

    UPDATE_UNSPECIFIC(ErrorCode.UPDATE_MESSAGE, 0, "unspecific"),
    UPDATE_MALFORMED_ATTRIBUTE_LIST(ErrorCode.UPDATE_MESSAGE, 1, "Malformed Attribute List"),
    UPDATE_UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE(ErrorCode.UPDATE_MESSAGE, 2, "Unrecognized Well-known Attribute"),
    UPDATE_MISSING_WELL_KNOWN_ATTRIBUTE(ErrorCode.UPDATE_MESSAGE, 3, "Missing Well-known Attribute"),
    UPDATE_ATTRIBUTE_FLAGS_ERROR(ErrorCode.UPDATE_MESSAGE, 4, "Attribute Flags Error"),
    UPDATE_ATTRIBUTE_LENGTH_ERROR(ErrorCode.UPDATE_MESSAGE, 5, "Attribute Length Error"),
    UPDATE_INVALID_ORIGIN_ATTRIBUTE(ErrorCode.UPDATE_MESSAGE, 6, "Invalid ORIGIN Attribute"),
    /** Deprecated by RFC 4271. */
    UPDATE_AS_ROUTING_LOOP(ErrorCode.UPDATE_MESSAGE, 7, "AS Routing Loop (deprecated)"),
    UPDATE_INVALID_NEXT_HOP_ATTRIBUTE(ErrorCode.UPDATE_MESSAGE, 8, "Invalid NEXT_HOP Attribute"),
    UPDATE_OPTIONAL_ATTRIBUTE_ERROR(ErrorCode.UPDATE_MESSAGE, 9, "Optional Attribute Error"),
    UPDATE_INVALID_NETWORK_FIELD(ErrorCode.UPDATE_MESSAGE, 10, "Invalid Network Field"),
    UPDATE_MALFORMED_AS_PATH(ErrorCode.UPDATE_MESSAGE, 11, "Malformed AS_PATH"),

    HOLD_TIMER_EXPIRED(ErrorCode.HOLD_TIMER_EXPIRED, 0, "Hold Timer Expired"),

    FSM_UNSPECIFIED(ErrorCode.FSM, 0, "Unspecified Error"),
    FSM_UNEXPECTED_MESSAGE_IN_OPEN_SENT(ErrorCode.FSM, 1, "Receive Unexpected Message in OpenSent State"),
    FSM_UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM(ErrorCode.FSM, 2, "Receive Unexpected Message in OpenConfirm State"),
    FSM_UNEXPECTED_MESSAGE_IN_ESTABLISHED(ErrorCode.FSM, 3, "Receive Unexpected Message in Established State"),

    CEASE_UNSPECIFIC(ErrorCode.CEASE, 0, "unspecific"),
    CEASE_MAX_PREFIXES_REACHED(ErrorCode.CEASE, 1, "Maximum Number of Prefixes Reached"),
    CEASE_ADMINISTRATIVE_SHUTDOWN(ErrorCode.CEASE, 2, "Administrative Shutdown"),
    CEASE_PEER_DECONFIGURED(ErrorCode.CEASE, 3, "Peer De-configured"),
    CEASE_ADMINISTRATIVE_RESET(ErrorCode.CEASE, 4, "Administrative Reset"),
    CEASE_CONNECTION_REJECTED(ErrorCode.CEASE, 5, "Connection Rejected"),
    CEASE_OTHER_CONFIGURATION_CHANGE(ErrorCode.CEASE, 6, "Other Configuration Change"),
    CEASE_CONNECTION_COLLISION_RESOLUTION(ErrorCode.CEASE, 7, "Connection Collision Resolution"),
    CEASE_OUT_OF_RESOURCES(ErrorCode.CEASE, 8, "Out of Resources"),
    CEASE_HARD_RESET(ErrorCode.CEASE, 9, "Hard Reset"),
    CEASE_BFD_DOWN(ErrorCode.CEASE, 10, "BFD Down"),

    ROUTE_REFRESH_INVALID_MESSAGE_LENGTH(ErrorCode.ROUTE_REFRESH, 1, "Invalid Message Length"),

    SEND_HOLD_TIMER_EXPIRED(ErrorCode.SEND_HOLD_TIMER_EXPIRED, 0, "Send Hold Timer Expired");

    private final ErrorCode code;
    private final int subcode;
    private final String description;

    BgpError(ErrorCode code, int subcode, String description) {
        this.code = code;
        this.subcode = subcode;
        this.description = description;
    }

    public ErrorCode code() {
        return code;
    }

    public int subcode() {
        return subcode;
    }

    public String description() {
        return description;
    }

    /** The constant for a (code, subcode) pair, or {@code null} when we do not know the pair. */
    public static BgpError of(int code, int subcode) {
        for (BgpError e : values()) {
            if (e.code.code() == code && e.subcode == subcode) {
                return e;
            }
        }
        return null;
    }

    /** The NOTIFICATION that reports this error, with its data field. */
    public NotificationMessage toNotification(byte[] data) {
        return new NotificationMessage(code.code(), subcode, data);
    }

    public NotificationMessage toNotification() {
        return toNotification(new byte[0]);
    }

    /** "Cease / Administrative Shutdown", the way FRR and bgpctl print it. */
    @Override
    public String toString() {
        return code.description() + " / " + description;
    }
}
