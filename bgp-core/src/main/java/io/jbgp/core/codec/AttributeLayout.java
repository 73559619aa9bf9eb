package io.jbgp.core.codec;

import java.util.Arrays;

/**
 * Wire choices the encoder may make freely, without changing what an UPDATE means: where the
 * MP_REACH_NLRI / MP_UNREACH_NLRI attributes go, and which attributes use the Extended Length
 * flag even when their value is short. Receivers must accept any of these (RFC 4271 §4.3: "the
 * Extended Length bit ... MAY be set"); a layout only matters for byte-exact replay of what
 * another implementation sent, and for tests that compare bytes.
 * What real senders do (see the golden captures and the MRT replay test):
 * <ul>
 *   <li>{@link #DEFAULT}: MP_REACH_NLRI and MP_UNREACH_NLRI first (RFC 7606 §5.1 asks for that
 *       so that a receiver can find the NLRI even when a later attribute is malformed), all
 *       other attributes in type-code order (RFC 4271 §5), Extended Length only above 255
 *       octets. FRR 8 puts the MP attribute first.</li>
 *   <li>{@link #TYPE_CODE_ORDER}: everything in type-code order, MP attributes at 14 and 15,
 *       as the pre-RFC 7606 senders of {@code updates.20100722.2015.gz} do.</li>
 *   <li>{@link #MP_LAST}: MP attributes after all others, as OpenBGPD 7 writes them.</li>
 *   <li>{@link #withExtendedLength}: Extended Length on short attributes, as Quagga-derived
 *       speakers write AS_PATH (a placeholder length patched afterwards; every UPDATE of
 *       {@code updates.et-header.2015.gz} and of FRR 8 has AS_PATH flags 0x50), and as both
 *       FRR 8 and OpenBGPD 7 write a non-empty MP_REACH_NLRI / MP_UNREACH_NLRI (flags 0x90).</li>
 * </ul>
 */
public final class AttributeLayout {
    /** Where MP_REACH_NLRI and MP_UNREACH_NLRI go among the other attributes. */
    public enum MpPosition {
        /** Before every other attribute (RFC 7606 §5.1). */
        FIRST,
        /** At type codes 14 and 15 (RFC 4271 §5 ascending order). */
        TYPE_CODE_ORDER,
        /** After every other attribute. */
        LAST
    }

    /** MP attributes first, type-code order otherwise, Extended Length only when needed. */
    public static final AttributeLayout DEFAULT = new AttributeLayout(MpPosition.FIRST, new long[4]);
    /** Strict type-code order, Extended Length only when needed. */
    public static final AttributeLayout TYPE_CODE_ORDER = new AttributeLayout(MpPosition.TYPE_CODE_ORDER, new long[4]);
    /** MP attributes last, type-code order otherwise, Extended Length only when needed. */
    public static final AttributeLayout MP_LAST = new AttributeLayout(MpPosition.LAST, new long[4]);
    /** Every attribute with Extended Length: the longest encoding, used to size split messages. */
    static final AttributeLayout ALL_EXTENDED = new AttributeLayout(MpPosition.FIRST, new long[] {-1L, -1L, -1L, -1L});

    private final MpPosition mpPosition;
    /** One bit per type code that always gets Extended Length. */
    private final long[] alwaysExtended;

    private AttributeLayout(MpPosition mpPosition, long[] alwaysExtended) {
        this.mpPosition = mpPosition;
        this.alwaysExtended = alwaysExtended;
    }

    /**
     * A copy that also writes these attribute types with Extended Length whatever their size.
     *
     * @param typeCodes attribute type codes, 0..255
     * @return a new layout; this one is unchanged
     */
    public AttributeLayout withExtendedLength(int... typeCodes) {
        long[] bits = alwaysExtended.clone();
        for (int t : typeCodes) {
            if (t < 0 || t > 255) {
                throw new IllegalArgumentException("type code out of range: " + t);
            }
            bits[t >>> 6] |= 1L << (t & 63);
        }
        return new AttributeLayout(mpPosition, bits);
    }

    /**
     * Where MP_REACH_NLRI and MP_UNREACH_NLRI go.
     *
     * @return the position of the multiprotocol attributes in the attribute block
     */
    public MpPosition mpPosition() {
        return mpPosition;
    }

    /**
     * True when this type is written with Extended Length even when short.
     *
     * @param typeCode an attribute type code, 0..255
     * @return true when the type is always written with a two-octet length
     */
    public boolean isAlwaysExtendedLength(int typeCode) {
        return (alwaysExtended[typeCode >>> 6] >>> (typeCode & 63) & 1) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeLayout l && l.mpPosition == mpPosition
                && Arrays.equals(l.alwaysExtended, alwaysExtended);
    }

    @Override
    public int hashCode() {
        return mpPosition.hashCode() * 31 + Arrays.hashCode(alwaysExtended);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("mp ").append(mpPosition);
        for (int t = 0; t < 256; t++) {
            if (isAlwaysExtendedLength(t)) {
                sb.append(" extended:").append(t);
            }
        }
        return sb.toString();
    }
}
