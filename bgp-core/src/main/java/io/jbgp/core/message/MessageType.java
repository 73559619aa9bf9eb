package io.jbgp.core.message;

/** BGP message types (RFC 4271 §4.1, RFC 2918). */
public enum MessageType {
    OPEN(1),
    UPDATE(2),
    NOTIFICATION(3),
    KEEPALIVE(4),
    ROUTE_REFRESH(5);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    // values() clones the array on every call; this is read twice per message
    private static final MessageType[] BY_CODE = values();

    /** The constant for a wire code, or {@code null} when unknown (a header error). */
    public static MessageType fromCode(int code) {
        return code >= 1 && code <= 5 ? BY_CODE[code - 1] : null;
    }
}
