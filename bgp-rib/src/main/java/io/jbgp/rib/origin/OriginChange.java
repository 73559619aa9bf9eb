package io.jbgp.rib.origin;

import io.jbgp.core.types.IpPrefix;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of what the speaker originates for one prefix: announce ({@code after} only), withdraw
 * ({@code before} only) or replace (both, e.g. another statement or attributes now apply). The
 * RIB applies it on its executor: {@code after} present means update the local route, absent
 * means withdraw it.
 *
 * @param prefix the prefix
 * @param before what was originated before, empty if nothing
 * @param after  what is originated now, empty if nothing
 */
public record OriginChange(IpPrefix prefix, Optional<OriginatedRoute> before, Optional<OriginatedRoute> after) {
    public OriginChange {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.isEmpty() && after.isEmpty()) {
            throw new IllegalArgumentException("OriginChange: nothing changed for " + prefix);
        }
        if (before.equals(after)) {
            throw new IllegalArgumentException("OriginChange: before equals after for " + prefix);
        }
    }

    /** True when the prefix is no longer originated. */
    public boolean isWithdrawal() {
        return after.isEmpty();
    }
}
