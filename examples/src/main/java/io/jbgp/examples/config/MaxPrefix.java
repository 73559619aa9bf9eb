package io.jbgp.examples.config;

import java.util.OptionalInt;

/**
 * {@code max-prefix N [restart M]}: tear the session down with a CEASE (RFC 4486 subcode 1,
 * "Maximum Number of Prefixes Reached") when more than {@code limit} prefixes arrive, and retry
 * after {@code restartMinutes} if given (otherwise stay down until cleared by hand).
 */
public record MaxPrefix(long limit, OptionalInt restartMinutes) {
    /** Limit 1..2³²−1, restart 1..65535 minutes (bgpd's ranges). */
    public MaxPrefix {
        if (limit < 1 || limit > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("max-prefix out of range: " + limit);
        }
        if (restartMinutes.isPresent()
                && (restartMinutes.getAsInt() < 1 || restartMinutes.getAsInt() > 0xFFFF)) {
            throw new IllegalArgumentException("restart out of range: " + restartMinutes);
        }
    }
}
