package io.jbgp.examples.config;

import java.util.List;

/**
 * A {@code group "NAME" { ... }} block: settings shared by its neighbors, and the neighbors.
 * OpenBGPD's pfSense GUI puts every neighbor in a group, so {@code remote-as} usually lives here.
 */
public record GroupConfig(String name, PeerSettings settings, List<NeighborConfig> neighbors) {
    /** Copies {@code neighbors}. */
    public GroupConfig {
        neighbors = List.copyOf(neighbors);
    }
}
