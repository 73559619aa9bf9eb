package io.jbgp.core.fsm;

/** The six states of the BGP FSM (RFC 4271 §8.2.2). */
public enum SessionState {
    IDLE("Idle"),
    CONNECT("Connect"),
    ACTIVE("Active"),
    OPEN_SENT("OpenSent"),
    OPEN_CONFIRM("OpenConfirm"),
    ESTABLISHED("Established");

    private final String displayName;

    SessionState(String displayName) {
        this.displayName = displayName;
    }

    /** The RFC's spelling, as FRR and bgpctl print it ("OpenSent"). */
    public String displayName() {
        return displayName;
    }

    /** True in the states that own a TCP connection on which an OPEN has been sent. */
    public boolean isOpenSentOrLater() {
        return this == OPEN_SENT || this == OPEN_CONFIRM || this == ESTABLISHED;
    }
}
