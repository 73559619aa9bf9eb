package io.jbgp.examples.config;

import java.net.InetAddress;

/** The {@code from|to PEER} part of a filter rule: which neighbors the rule applies to. */
public sealed interface PeerMatch {

    /** {@code any}. */
    record Any() implements PeerMatch {}

    /** {@code ebgp}: neighbors in another AS. */
    record Ebgp() implements PeerMatch {}

    /** {@code ibgp}: neighbors in our AS. */
    record Ibgp() implements PeerMatch {}

    /** A neighbor address. */
    record Address(InetAddress address) implements PeerMatch {}

    /** {@code group "NAME"}: every neighbor of that group. */
    record Group(String name) implements PeerMatch {}
}
