package io.jbgp.examples.config;

import java.util.List;

/** {@code prefix-set NAME { P [or-longer|prefixlen ...], ... }} (bgpd.conf(5), SET CONFIGURATION). */
public record PrefixSetConfig(String name, List<PrefixMatch> entries) {
    /** Copies {@code entries}. */
    public PrefixSetConfig {
        entries = List.copyOf(entries);
    }
}
