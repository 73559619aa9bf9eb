package io.jbgp.core.fsm;

/** The six states of the BGP FSM (RFC 4271 §8.2.2). */
public enum SessionState {
    /** Refusing connections; the start state and the state after every error. */
    IDLE("Idle"),
    /** Waiting for our TCP connect to complete. */
    CONNECT("Connect"),
    /** Listening for the peer's connection after a failed connect, ConnectRetry timer running. */
    ACTIVE("Active"),
    /** Our OPEN sent; waiting for the peer's. */
    OPEN_SENT("OpenSent"),
    /** Our OPEN sent and the peer's accepted; waiting for its KEEPALIVE. */
    OPEN_CONFIRM("OpenConfirm"),
    /** OPENs exchanged and KEEPALIVE confirmed: UPDATEs flow. */
    ESTABLISHED("Established");

    private final String displayName;

    SessionState(String displayName) {
        this.displayName = displayName;
    }

    /** {@return the RFC's spelling, as FRR and bgpctl print it ("OpenSent")} */
    public String displayName() {
        return displayName;
    }

    /** {@return true in the states that own a TCP connection on which an OPEN has been sent} */
    public boolean isOpenSentOrLater() {
        return this == OPEN_SENT || this == OPEN_CONFIRM || this == ESTABLISHED;
    }
}
