package io.jbgp.core.attr;

import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.util.Objects;

/**
 * AGGREGATOR (RFC 4271 §5.1.7), type 7, optional transitive: 6 octets with 2-octet AS, 8 with
 * 4-octet AS (RFC 6793); the codec merges AS4_AGGREGATOR for 2-octet peers.
 *
 * @param asn     the aggregating AS
 * @param address the aggregating speaker's identifier
 */
public record Aggregator(Asn asn, RouterId address) implements PathAttribute {
    /**
     * Rejects null parts.
     *
     * @param asn the aggregating AS
     * @param address the aggregating speaker's identifier
     */
    public Aggregator {
        Objects.requireNonNull(asn, "asn");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public int typeCode() {
        return AGGREGATOR;
    }
}
