package io.jbgp.core.attr;

import io.jbgp.core.types.Bytes;
import java.util.Objects;

/**
 * An optional attribute we do not interpret. Optional transitive ones are passed on with the
 * Partial bit set (RFC 4271 §5); optional non-transitive ones are dropped by the reader.
 *
 * @param flags    the received flags (without EXTENDED_LENGTH, which the writer derives)
 * @param typeCode the attribute type code
 * @param value    the attribute value
 */
public record UnknownAttribute(int flags, int typeCode, Bytes value) implements PathAttribute {
    /**
     * Checks the type code is 0..255 and keeps only the three high flag bits (optional, transitive,
     * partial).
     *
     * @param flags the received flags (without EXTENDED_LENGTH, which the writer derives)
     * @param typeCode the attribute type code
     * @param value the attribute value
     */
    public UnknownAttribute {
        if (typeCode < 0 || typeCode > 255) {
            throw new IllegalArgumentException("type code out of range: " + typeCode);
        }
        flags &= 0xE0;
        Objects.requireNonNull(value, "value");
    }

    /** {@return true when the transitive flag is set; only transitive ones are passed on} */
    public boolean isTransitive() {
        return AttributeFlags.isTransitive(flags);
    }

    /** {@return true when the Partial bit is set} */
    public boolean isPartial() {
        return AttributeFlags.isPartial(flags);
    }
}
