package io.jbgp.examples.ctl;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.examples.config.BgpdConfig;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * What the control socket needs from the daemon; the daemon implements it. Every method is
 * called on a control-socket worker thread, so implementations hand the question to the thread
 * that owns the data (the RIB executor, the session event loops) and wait for a snapshot; they
 * must answer within a few seconds. Exceptions are reported to the client as errors.
 */
public interface ControlTarget {

    /** Every configured neighbor, in configuration order. */
    List<NeighborView> neighbors();

    /**
     * Every configured neighbor in detail (last down reason, negotiated session, policy status),
     * in configuration order. Never includes a password.
     */
    List<NeighborDetailView> neighborDetails();

    /** Every BGP next hop the RIB tracks, in address order, with its resolution. */
    List<NexthopView> nexthops();

    /** Loc-RIB paths matching {@code query} (every candidate unless {@code selectedOnly}). */
    List<RibRowView> rib(RibQuery query);

    /** The forwarding table, or the entry for {@code prefix}. */
    List<FibRowView> fib(Optional<IpPrefix> prefix);

    /** Local candidates from {@code network} statements, announced or not. */
    List<NetworkView> networks();

    /** The configuration in effect. */
    BgpdConfig config();

    /** Carries out {@code neighbor ADDR up|down|clear|refresh}. */
    ActionResult neighbor(InetAddress address, NeighborAction action);

    /** Re-reads the configuration file and applies it, or says why not. */
    ActionResult reload();
}
