package io.jbgp.core.message;

/** BGP message types (RFC 4271 §4.1, RFC 2918). */
public enum MessageType {
    /** OPEN, type 1 (RFC 4271 §4.2). */
    OPEN(1),
    /** UPDATE, type 2 (RFC 4271 §4.3). */
    UPDATE(2),
    /** NOTIFICATION, type 3 (RFC 4271 §4.5). */
    NOTIFICATION(3),
    /** KEEPALIVE, type 4 (RFC 4271 §4.4). */
    KEEPALIVE(4),
    /** ROUTE-REFRESH, type 5 (RFC 2918 §3). */
    ROUTE_REFRESH(5);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** {@return the header's type octet, 1..5} */
    public int code() {
        return code;
    }

    // values() clones the array on every call; this is read twice per message
    private static final MessageType[] BY_CODE = values();

    /**
     * The constant for a wire code, or {@code null} when unknown (a header error).
     *
     * @param code the header's type octet
     * @return the constant, or {@code null}
     */
    public static MessageType fromCode(int code) {
        return code >= 1 && code <= 5 ? BY_CODE[code - 1] : null;
    }
}
