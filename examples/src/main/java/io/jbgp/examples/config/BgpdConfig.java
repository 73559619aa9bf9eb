package io.jbgp.examples.config;

import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed bgpd.conf: what the demo daemon runs, with macros already expanded and global
 * defaults filled in (so {@code holdtime} and {@code fib-update} are always explicit).
 *
 * <p>Groups and neighbors keep the shape of the file (a neighbor holds only its own lines) so the
 * writer can print it back; {@link #resolvedNeighbors()} gives the merged view.
 *
 * @param routerId absent means "derive from the highest local address", as bgpd does
 * @param listen {@code listen on} lines; empty means all addresses, port 179
 * @param holdTime global {@code holdtime}, default 90 s (RFC 4271 §10 suggests 90)
 * @param fibUpdate {@code fib-update yes|no}, default yes
 */
public record BgpdConfig(
        Asn asn,
        Optional<RouterId> routerId,
        List<ListenConfig> listen,
        int holdTime,
        boolean fibUpdate,
        List<PrefixSetConfig> prefixSets,
        List<NetworkConfig> networks,
        List<GroupConfig> groups,
        List<NeighborConfig> neighbors,
        List<FilterRule> filters) {

    /** bgpd's default {@code holdtime}. */
    public static final int DEFAULT_HOLD_TIME = 90;

    /** {@code listen on ADDR [port N]}. */
    public record ListenConfig(InetAddress address, int port) {}

    /** Copies the lists. */
    public BgpdConfig {
        listen = List.copyOf(listen);
        prefixSets = List.copyOf(prefixSets);
        networks = List.copyOf(networks);
        groups = List.copyOf(groups);
        neighbors = List.copyOf(neighbors);
        filters = List.copyOf(filters);
    }

    /** The prefix-set called {@code name}. */
    public Optional<PrefixSetConfig> prefixSet(String name) {
        return prefixSets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Every neighbor with its group's settings overlaid and the global hold time as fallback, in
     * file order (grouped neighbors first, then top-level ones).
     */
    public List<ResolvedNeighbor> resolvedNeighbors() {
        List<ResolvedNeighbor> out = new ArrayList<>();
        for (GroupConfig g : groups) {
            for (NeighborConfig n : g.neighbors()) {
                out.add(resolve(n, g.settings().overlay(n.settings()), Optional.of(g.name())));
            }
        }
        for (NeighborConfig n : neighbors) {
            out.add(resolve(n, n.settings(), Optional.empty()));
        }
        return List.copyOf(out);
    }

    private ResolvedNeighbor resolve(NeighborConfig n, PeerSettings merged, Optional<String> group) {
        // the parser guarantees remote-as; a hand-built config without it is a programming error
        Asn remote = merged.remoteAs().orElseThrow(() -> new IllegalStateException(
                "resolvedNeighbors: neighbor " + n.address().getHostAddress() + " has no remote-as"));
        return new ResolvedNeighbor(n.address(), group, remote, merged,
                merged.holdTime().orElse(holdTime));
    }
}
