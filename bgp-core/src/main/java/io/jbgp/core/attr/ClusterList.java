package io.jbgp.core.attr;

import io.jbgp.core.types.RouterId;
import java.util.List;

/**
 * CLUSTER_LIST (RFC 4456 §8), type 10, optional non-transitive.
 *
 * @param clusterIds the cluster IDs, most recent first
 */
public record ClusterList(List<RouterId> clusterIds) implements PathAttribute {
    /**
     * Copies the list, so the record stays immutable.
     *
     * @param clusterIds the cluster IDs, most recent first
     */
    public ClusterList {
        clusterIds = List.copyOf(clusterIds);
    }

    @Override
    public int typeCode() {
        return CLUSTER_LIST;
    }
}
