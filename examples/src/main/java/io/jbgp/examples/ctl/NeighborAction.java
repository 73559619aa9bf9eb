package io.jbgp.examples.ctl;

/** {@code neighbor ADDR up|down|clear|refresh}, as in bgpctl. */
public enum NeighborAction {
    /** Start the session (RFC 4271 Event 1, ManualStart). */
    UP,
    /** Stop it with a CEASE, Administrative Shutdown (RFC 4486 subcode 2), and keep it down. */
    DOWN,
    /** Stop it with a CEASE, Administrative Reset (RFC 4486 subcode 4), and start again. */
    CLEAR,
    /** Ask the neighbor to resend its routes: ROUTE-REFRESH (RFC 2918). */
    REFRESH;

    /** The keyword as typed. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
