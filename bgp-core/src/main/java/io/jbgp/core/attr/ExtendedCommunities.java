package io.jbgp.core.attr;

import java.util.List;

/**
 * EXTENDED_COMMUNITIES (RFC 4360), type 16, optional transitive.
 *
 * @param communities the extended communities in received order
 */
public record ExtendedCommunities(List<ExtendedCommunity> communities) implements PathAttribute {
    /**
     * Copies the list, so the record stays immutable.
     *
     * @param communities the extended communities in received order
     */
    public ExtendedCommunities {
        communities = List.copyOf(communities);
    }

    @Override
    public int typeCode() {
        return EXTENDED_COMMUNITIES;
    }
}
