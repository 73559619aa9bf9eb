package io.jbgp.core.message;

import io.jbgp.core.types.AddressFamily;
import java.util.List;
import java.util.Objects;

/**
 * MP_UNREACH_NLRI (RFC 4760 §4). With no withdrawn routes it is the End-of-RIB marker of a
 * non-IPv4 family (RFC 4724 §2).
 * <pre>
 * +---------------------------------------------------------+
 * | Address Family Identifier (2 octets)                    |
 * | Subsequent Address Family Identifier (1 octet)          |
 * | Withdrawn Routes (variable)                             |
 * +---------------------------------------------------------+
 * </pre>
 *
 * @param family    the AFI/SAFI
 * @param withdrawn the withdrawn prefixes
 */
public record MpUnreach(AddressFamily family, List<Nlri> withdrawn) {
    /**
     * Rejects a null family and copies the NLRI list.
     *
     * @param family the AFI/SAFI
     * @param withdrawn the withdrawn prefixes
     */
    public MpUnreach {
        Objects.requireNonNull(family, "family");
        withdrawn = List.copyOf(withdrawn);
    }
}
