package io.jbgp.core.attr;

import java.util.List;

/**
 * COMMUNITIES (RFC 1997), type 8, optional transitive. Order and duplicates are kept as received.
 *
 * @param communities the communities
 */
public record Communities(List<Community> communities) implements PathAttribute {
    /**
     * Copies the list, so the record stays immutable.
     *
     * @param communities the communities
     */
    public Communities {
        communities = List.copyOf(communities);
    }

    /**
     * @param communities the communities in wire order
     * @return the attribute
     */
    public static Communities of(Community... communities) {
        return new Communities(List.of(communities));
    }

    /**
     * @param c a community
     * @return true when the attribute carries {@code c}
     */
    public boolean contains(Community c) {
        return communities.contains(c);
    }

    @Override
    public int typeCode() {
        return COMMUNITIES;
    }
}
