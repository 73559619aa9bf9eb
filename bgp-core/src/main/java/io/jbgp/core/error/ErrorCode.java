package io.jbgp.core.error;

/** NOTIFICATION error codes (RFC 4271 §4.5, RFC 7313, RFC 9687). */
public enum ErrorCode {
    /** Code 1: the 19-octet header is wrong (RFC 4271 §6.1). */
    MESSAGE_HEADER(1, "Message Header Error"),
    /** Code 2: the OPEN was refused (RFC 4271 §6.2). */
    OPEN_MESSAGE(2, "OPEN Message Error"),
    /** Code 3: an UPDATE is malformed (RFC 4271 §6.3, RFC 7606). */
    UPDATE_MESSAGE(3, "UPDATE Message Error"),
    /** Code 4: the hold timer expired (RFC 4271 §6.5). */
    HOLD_TIMER_EXPIRED(4, "Hold Timer Expired"),
    /** Code 5: a message arrived in a state that does not expect it (RFC 4271 §6.6, RFC 6608). */
    FSM(5, "Finite State Machine Error"),
    /** Code 6: a deliberate close, with a reason in the subcode (RFC 4271 §6.7, RFC 4486). */
    CEASE(6, "Cease"),
    /** Code 7: a malformed ROUTE-REFRESH (RFC 7313 §5). */
    ROUTE_REFRESH(7, "ROUTE-REFRESH Message Error"),
    /** Code 8: the send hold timer expired (RFC 9687). */
    SEND_HOLD_TIMER_EXPIRED(8, "Send Hold Timer Expired");

    private final int code;
    private final String description;

    ErrorCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** {@return the wire code, 1..8} */
    public int code() {
        return code;
    }

    /** {@return the RFC name, e.g. "UPDATE Message Error"} */
    public String description() {
        return description;
    }

    /**
     * The constant for a wire code, or {@code null} for a code we do not know.
     *
     * @param code the error code octet from a NOTIFICATION
     * @return the constant, or {@code null}
     */
    public static ErrorCode fromCode(int code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
