package io.jbgp.core.error;

/** NOTIFICATION error codes (RFC 4271 §4.5, RFC 7313, RFC 9687). */
public enum ErrorCode {
    MESSAGE_HEADER(1, "Message Header Error"),
    OPEN_MESSAGE(2, "OPEN Message Error"),
    UPDATE_MESSAGE(3, "UPDATE Message Error"),
    HOLD_TIMER_EXPIRED(4, "Hold Timer Expired"),
    FSM(5, "Finite State Machine Error"),
    CEASE(6, "Cease"),
    ROUTE_REFRESH(7, "ROUTE-REFRESH Message Error"),
    SEND_HOLD_TIMER_EXPIRED(8, "Send Hold Timer Expired");

    private final int code;
    private final String description;

    ErrorCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The constant for a wire code, or {@code null} for a code we do not know. */
    public static ErrorCode fromCode(int code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
