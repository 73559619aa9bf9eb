package io.jbgp.core.message;

import io.jbgp.core.types.IpPrefix;
import java.util.Objects;

/**
 * One NLRI entry: a prefix and, when ADD-PATH (RFC 7911) is in use for its family, a path
 * identifier.
 *
 * @param prefix the prefix
 * @param pathId the path identifier 0..2³²−1, or {@link #NO_PATH_ID} when ADD-PATH is not in use
 */
public record Nlri(IpPrefix prefix, long pathId) {
    /** Marks an NLRI with no path ID, for families without ADD-PATH. */
    public static final long NO_PATH_ID = -1L;

    /**
     * Checks the path ID range.
     *
     * @param prefix the prefix
     * @param pathId the path identifier 0..2³²−1, or {@link #NO_PATH_ID} when ADD-PATH is not in
     *     use
     */
    public Nlri {
        Objects.requireNonNull(prefix, "prefix");
        if (pathId < NO_PATH_ID || pathId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("path id out of range: " + pathId);
        }
    }

    /**
     * @param prefix the prefix
     * @return an NLRI without a path ID
     */
    public static Nlri of(IpPrefix prefix) {
        return new Nlri(prefix, NO_PATH_ID);
    }

    /**
     * @param prefix the prefix
     * @param pathId the path identifier, 0..2³²−1
     * @return an NLRI with a path ID (RFC 7911)
     */
    public static Nlri of(IpPrefix prefix, long pathId) {
        return new Nlri(prefix, pathId);
    }

    /** {@return true when this NLRI carries a path ID} */
    public boolean hasPathId() {
        return pathId != NO_PATH_ID;
    }

    @Override
    public String toString() {
        return hasPathId() ? prefix + " path-id " + pathId : prefix.toString();
    }
}
