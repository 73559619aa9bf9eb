package io.jbgp.examples.config;

import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunity;
import java.util.List;
import java.util.Optional;

/**
 * {@code allow|deny|match [quick] from|to PEER [prefix ...] [AS ...] [community ...]
 * [large-community ...] [set ...]}. As in bgpd, rules run first to last, the last matching
 * {@code allow}/{@code deny} decides (a matching {@code quick} rule ends the walk), every
 * matching rule's {@code set} applies, and the default is deny.
 */
public record FilterRule(
        Action action, boolean quick, Direction direction, PeerMatch peer,
        Optional<PrefixMatch> prefix, Optional<AsMatch> asPath, Optional<Community> community,
        Optional<LargeCommunity> largeCommunity, List<SetAction> set) {

    /** What a matching rule does to the decision. */
    public enum Action {
        ALLOW, DENY,
        /** Apply {@code set} without deciding. */
        MATCH;

        /** The keyword as written. */
        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code from} (import, Adj-RIB-In) or {@code to} (export, Adj-RIB-Out). */
    public enum Direction {
        FROM, TO;

        /** The keyword as written. */
        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Copies {@code set}. */
    public FilterRule {
        set = List.copyOf(set);
    }
}
