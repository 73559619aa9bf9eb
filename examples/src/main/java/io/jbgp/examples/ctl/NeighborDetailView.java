package io.jbgp.examples.ctl;

import io.jbgp.core.types.RouterId;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One neighbor as {@code bgpctl show neighbor [ADDR]} reports it: the summary line's data, why
 * the last session ended, what the current session negotiated, and the state of its policies
 * (the RFC 8212 default deny for eBGP without policy). Never carries the TCP MD5 password.
 *
 * @param summary      state, AS, description, uptime and counters
 * @param lastDown     why the last session (or attempt) ended, e.g.
 *                     {@code NOTIFICATION received: Cease / Administrative Shutdown, "text"}
 * @param session      what the current session negotiated; empty unless Established
 * @param importStatus the import side, e.g. {@code RFC 8212: no import policy, accepting nothing}
 * @param exportStatus the export side
 */
public record NeighborDetailView(NeighborView summary, Optional<String> lastDown,
        Optional<Session> session, String importStatus, String exportStatus) {

    /** Checks the fields. */
    public NeighborDetailView {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(lastDown, "lastDown");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(importStatus, "importStatus");
        Objects.requireNonNull(exportStatus, "exportStatus");
    }

    /**
     * What two OPENs agreed on (RFC 4271 §4.2, RFC 5492).
     *
     * @param localAddress     our end of the connection
     * @param remoteRouterId   the neighbor's BGP Identifier
     * @param holdTimeSeconds  the negotiated hold time
     * @param keepaliveSeconds our keepalive interval
     * @param families         the address families both sides advertised
     * @param capabilities     the capabilities in effect (both sides advertised them)
     * @param peerCapabilities what the neighbor's OPEN advertised, in wire order
     */
    public record Session(InetAddress localAddress, RouterId remoteRouterId, int holdTimeSeconds,
            int keepaliveSeconds, List<String> families, List<String> capabilities,
            List<String> peerCapabilities) {

        /** Copies the lists. */
        public Session {
            Objects.requireNonNull(localAddress, "localAddress");
            Objects.requireNonNull(remoteRouterId, "remoteRouterId");
            families = List.copyOf(families);
            capabilities = List.copyOf(capabilities);
            peerCapabilities = List.copyOf(peerCapabilities);
        }
    }
}
