package io.jbgp.core.attr;

import java.util.List;

/**
 * COMMUNITIES (RFC 1997), type 8, optional transitive. Order and duplicates are kept as received.
 *
 * @param communities the communities
 */
public record Communities(List<Community> communities) implements PathAttribute {
    public Communities {
        communities = List.copyOf(communities);
    }

    public static Communities of(Community... communities) {
        return new Communities(List.of(communities));
    }

    public boolean contains(Community c) {
        return communities.contains(c);
    }

    @Override
    public int typeCode() {
        return COMMUNITIES;
    }
}
