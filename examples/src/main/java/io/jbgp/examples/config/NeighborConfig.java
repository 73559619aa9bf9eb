package io.jbgp.examples.config;

import java.net.InetAddress;

/** A {@code neighbor ADDR { ... }} block, with only the settings written inside it. */
public record NeighborConfig(InetAddress address, PeerSettings settings) {}
