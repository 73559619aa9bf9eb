package io.jbgp.core.attr;

import io.jbgp.core.types.RouterId;
import java.util.Objects;

/**
 * ORIGINATOR_ID (RFC 4456 §8), type 9, optional non-transitive.
 *
 * @param id the originator's router ID
 */
public record OriginatorId(RouterId id) implements PathAttribute {
    /**
     * Rejects a null ID.
     *
     * @param id the originator's router ID
     */
    public OriginatorId {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public int typeCode() {
        return ORIGINATOR_ID;
    }
}
