package io.jbgp.core.attr;

import java.util.List;

/**
 * LARGE_COMMUNITY (RFC 8092), type 32, optional transitive.
 *
 * @param communities the large communities in received order
 */
public record LargeCommunities(List<LargeCommunity> communities) implements PathAttribute {
    /**
     * Copies the list, so the record stays immutable.
     *
     * @param communities the large communities in received order
     */
    public LargeCommunities {
        communities = List.copyOf(communities);
    }

    @Override
    public int typeCode() {
        return LARGE_COMMUNITY;
    }
}
