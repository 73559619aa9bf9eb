package io.jbgp.core.codec;

import io.jbgp.core.attr.PathAttribute;
import java.util.Arrays;

/**
 * Wire choices the encoder may make freely, without changing what an UPDATE means: where the
 * MP_REACH_NLRI / MP_UNREACH_NLRI attributes go, and which attributes use the Extended Length
 * flag even when their value is short. Receivers must accept any of these (RFC 4271 §4.3: "the
 * Extended Length bit ... MAY be set"); a layout only matters for byte-exact replay of what
 * another implementation sent, and for tests that compare bytes.
 * <ul>
 *   <li>{@link #DEFAULT}: MP_REACH_NLRI and MP_UNREACH_NLRI first (RFC 7606 §5.1 asks for that
 *       so that a receiver can find the NLRI even when a later attribute is malformed), all
 *       other attributes in type-code order (RFC 4271 §5), Extended Length only above 255
 *       octets.</li>
 *   <li>{@link #TYPE_CODE_ORDER}: everything in type-code order, MP attributes at 14 and 15,
 *       as the pre-RFC 7606 senders of {@code updates.20100722.2015.gz} do.</li>
 *   <li>{@link #withExtendedLength}: e.g. AS_PATH always extended, as Quagga-derived speakers
 *       write it (placeholder length patched afterwards); every UPDATE of
 *       {@code updates.et-header.2015.gz} has AS_PATH flags 0x50.</li>
 * </ul>
 */
public final class AttributeLayout {
    /** MP attributes first, type-code order otherwise, Extended Length only when needed. */
    public static final AttributeLayout DEFAULT = new AttributeLayout(true, new long[4]);
    /** Strict type-code order, Extended Length only when needed. */
    public static final AttributeLayout TYPE_CODE_ORDER = new AttributeLayout(false, new long[4]);
    /** Every attribute with Extended Length: the longest encoding, used to size split messages. */
    static final AttributeLayout ALL_EXTENDED = new AttributeLayout(true, new long[] {-1L, -1L, -1L, -1L});

    private final boolean mpAttributesFirst;
    /** One bit per type code that always gets Extended Length. */
    private final long[] alwaysExtended;

    private AttributeLayout(boolean mpAttributesFirst, long[] alwaysExtended) {
        this.mpAttributesFirst = mpAttributesFirst;
        this.alwaysExtended = alwaysExtended;
    }

    /** A copy that also writes these attribute types with Extended Length whatever their size. */
    public AttributeLayout withExtendedLength(int... typeCodes) {
        long[] bits = alwaysExtended.clone();
        for (int t : typeCodes) {
            if (t < 0 || t > 255) {
                throw new IllegalArgumentException("type code out of range: " + t);
            }
            bits[t >>> 6] |= 1L << (t & 63);
        }
        return new AttributeLayout(mpAttributesFirst, bits);
    }

    /** True when MP_REACH_NLRI and MP_UNREACH_NLRI lead the attributes. */
    public boolean mpAttributesFirst() {
        return mpAttributesFirst;
    }

    /** True when this type is written with Extended Length even when short. */
    public boolean isAlwaysExtendedLength(int typeCode) {
        return (alwaysExtended[typeCode >>> 6] >>> (typeCode & 63) & 1) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeLayout l && l.mpAttributesFirst == mpAttributesFirst
                && Arrays.equals(l.alwaysExtended, alwaysExtended);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(mpAttributesFirst) * 31 + Arrays.hashCode(alwaysExtended);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(mpAttributesFirst ? "mp-first" : "type-code-order");
        for (int t = 0; t < 256; t++) {
            if (isAlwaysExtendedLength(t)) {
                sb.append(t == PathAttribute.AS_PATH ? " AS_PATH-extended" : " " + t + "-extended");
            }
        }
        return sb.toString();
    }
}
