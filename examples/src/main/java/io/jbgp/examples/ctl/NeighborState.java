package io.jbgp.examples.ctl;

/** A session state as bgpctl prints it (RFC 4271 §8.2.2 state names, bgpctl spelling). */
public enum NeighborState {
    IDLE("Idle"),
    CONNECT("Connect"),
    ACTIVE("Active"),
    OPEN_SENT("OpenSent"),
    OPEN_CONFIRM("OpenConfirm"),
    ESTABLISHED("Established");

    private final String displayName;

    NeighborState(String displayName) {
        this.displayName = displayName;
    }

    /** {@code Idle}, {@code OpenSent}, …: the spelling in text and JSON output. */
    public String displayName() {
        return displayName;
    }
}
