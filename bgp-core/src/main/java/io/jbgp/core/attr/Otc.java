package io.jbgp.core.attr;

import io.jbgp.core.types.Asn;
import java.util.Objects;

/**
 * Only to Customer (RFC 9234 §5), type 35, optional transitive.
 *
 * @param asn the AS that marked the route
 */
public record Otc(Asn asn) implements PathAttribute {
    /**
     * Rejects a null AS.
     *
     * @param asn the AS that marked the route
     */
    public Otc {
        Objects.requireNonNull(asn, "asn");
    }

    @Override
    public int typeCode() {
        return OTC;
    }
}
