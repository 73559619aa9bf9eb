package io.jbgp.core.attr;

import io.jbgp.core.types.Asn;
import java.util.Arrays;
import java.util.Objects;

/**
 * One AS_PATH segment (RFC 4271 §4.3, RFC 5065 for confederation segments). The AS numbers are
 * held as unsigned 32-bit values in an {@code int[]}: a full table holds millions of them, and a
 * {@code List<Asn>} would cost an object each. Immutable; equality is by value.
 */
public final class AsPathSegment {
    /** Segment types with their wire codes. */
    public enum Type {
        /** Unordered set of ASes, left by aggregation; counts as one hop (RFC 4271 §4.3). */
        AS_SET(1),
        /** Ordered ASes the UPDATE has traversed, nearest first (RFC 4271 §4.3). */
        AS_SEQUENCE(2),
        /** Ordered member ASes inside a confederation (RFC 5065 §3). */
        AS_CONFED_SEQUENCE(3),
        /** Unordered member ASes inside a confederation (RFC 5065 §3). */
        AS_CONFED_SET(4);

        private final int code;

        Type(int code) {
            this.code = code;
        }

        /** {@return the wire code, 1..4} */
        public int code() {
            return code;
        }

        // values() clones the array on every call; this is read once per segment decoded
        private static final Type[] BY_CODE = values();

        /**
         * The type for a wire code.
         *
         * @param code the segment type octet from the wire
         * @return the type, or {@code null} for an unknown code (a malformed AS_PATH, RFC 7606
         *     §7.2)
         */
        public static Type fromCode(int code) {
            return code >= 1 && code <= 4 ? BY_CODE[code - 1] : null;
        }

        /**
         * {@return true for the RFC 5065 confederation segment types, which never count toward path
         * length}
         */
        public boolean isConfederation() {
            return this == AS_CONFED_SEQUENCE || this == AS_CONFED_SET;
        }

        /** {@return true for the unordered types (AS_SET, AS_CONFED_SET)} */
        public boolean isSet() {
            return this == AS_SET || this == AS_CONFED_SET;
        }
    }

    /** RFC 4271: a segment holds 1..255 ASes. */
    public static final int MAX_LENGTH = 255;

    private final Type type;
    private final int[] asns;

    private AsPathSegment(Type type, int[] asns) {
        this.type = Objects.requireNonNull(type, "type");
        if (asns.length == 0 || asns.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a segment holds 1..255 ASes, not " + asns.length);
        }
        this.asns = asns;
    }

    /**
     * A segment from unsigned 32-bit AS values (copied).
     *
     * @param type the segment type
     * @param asns 1..255 AS numbers as unsigned 32-bit values in {@code int}; the array is copied
     * @return the segment
     * @throws IllegalArgumentException if {@code asns} is empty or longer than {@link #MAX_LENGTH}
     */
    public static AsPathSegment of(Type type, int... asns) {
        return new AsPathSegment(type, asns.clone());
    }

    /**
     * A segment from AS numbers given as {@code long}s.
     *
     * @param type the segment type
     * @param asns 1..255 AS numbers, each 0..2³²−1
     * @return the segment
     * @throws IllegalArgumentException if an AS is out of range or the count is not 1..255
     */
    public static AsPathSegment of(Type type, long... asns) {
        int[] a = new int[asns.length];
        for (int i = 0; i < asns.length; i++) {
            a[i] = (int) Asn.of(asns[i]).value();
        }
        return new AsPathSegment(type, a);
    }

    /**
     * An AS_SEQUENCE: ordered, nearest AS first.
     *
     * @param asns 1..255 AS numbers, each 0..2³²−1
     * @return the segment
     */
    public static AsPathSegment sequence(long... asns) {
        return of(Type.AS_SEQUENCE, asns);
    }

    /**
     * An AS_SET: unordered ASes left behind by aggregation (RFC 4271 §9.2.2.2).
     *
     * @param asns 1..255 AS numbers, each 0..2³²−1
     * @return the segment
     */
    public static AsPathSegment set(long... asns) {
        return of(Type.AS_SET, asns);
    }

    /**
     * For codecs that built a fresh array and hand it over.
     *
     * @param type the segment type
     * @param asns 1..255 AS numbers; the caller gives up the array and must not modify it
     *     afterwards
     * @return a segment that shares {@code asns}
     * @throws IllegalArgumentException if {@code asns} is empty or longer than {@link #MAX_LENGTH}
     */
    public static AsPathSegment wrap(Type type, int[] asns) {
        return new AsPathSegment(type, asns);
    }

    /** {@return the segment type} */
    public Type type() {
        return type;
    }

    /**
     * {@return the number of ASes in the segment, 1..255 (not the path length; see {@link
     * #pathLength()})}
     */
    public int size() {
        return asns.length;
    }

    /**
     * The i-th AS as an unsigned value.
     *
     * @param i index from 0 (leftmost, the AS nearest to us) to {@code size() - 1}
     * @return the AS number, 0..2³²−1
     */
    public long asn(int i) {
        return Integer.toUnsignedLong(asns[i]);
    }

    /**
     * A copy of the AS values (unsigned 32-bit in {@code int}).
     *
     * @return a fresh array; changing it does not change this segment
     */
    public int[] toIntArray() {
        return asns.clone();
    }

    /**
     * RFC 4271 §9.1.2.2 (a): a set counts 1, a sequence its length; confederations count 0.
     *
     * @return the number of AS hops this segment adds to the path length
     */
    public int pathLength() {
        if (type.isConfederation()) {
            return 0;
        }
        return type == Type.AS_SET ? 1 : asns.length;
    }

    /**
     * Whether the AS number appears in this segment (used for AS loop detection, RFC 4271 §9.1.2).
     *
     * @param asn an AS number, 0..2³²−1
     * @return true when {@code asn} is one of this segment's ASes
     */
    public boolean contains(long asn) {
        int v = (int) asn;
        for (int a : asns) {
            if (a == v) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsPathSegment s && s.type == type && Arrays.equals(s.asns, asns);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(asns);
    }

    /** bgpctl style: "1 2 3", "{ 4 5 }", "( 6 7 )", "[ 8 9 ]". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String open = switch (type) {
            case AS_SET -> "{ ";
            case AS_CONFED_SEQUENCE -> "( ";
            case AS_CONFED_SET -> "[ ";
            default -> "";
        };
        sb.append(open);
        for (int i = 0; i < asns.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Integer.toUnsignedString(asns[i]));
        }
        switch (type) {
            case AS_SET -> sb.append(" }");
            case AS_CONFED_SEQUENCE -> sb.append(" )");
            case AS_CONFED_SET -> sb.append(" ]");
            default -> { }
        }
        return sb.toString();
    }
}
