package io.jbgp.core.attr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Iterator;

/**
 * The path attributes of an UPDATE: at most one per type code, iterated in type-code order (the
 * order RFC 4271 §5 asks senders to use). Also records which optional transitive attributes
 * arrived with the Partial bit (RFC 4271 §4.3), since that bit must be passed on.
 */
public final class PathAttributes implements Iterable<PathAttribute> {
    /** The set with no attributes, e.g. for an UPDATE that only withdraws. */
    public static final PathAttributes EMPTY = new PathAttributes(new PathAttribute[0], 0L, 0L, 0L, 0L);

    private final PathAttribute[] sorted;
    /** Partial bits, one per type code 0..255. */
    private final long p0;
    private final long p1;
    private final long p2;
    private final long p3;
    private final int hash;

    private PathAttributes(PathAttribute[] sorted, long p0, long p1, long p2, long p3) {
        this.sorted = sorted;
        this.p0 = p0;
        this.p1 = p1;
        this.p2 = p2;
        this.p3 = p3;
        this.hash = Arrays.hashCode(sorted) * 31 + Long.hashCode(p0 ^ p1 ^ p2 ^ p3);
    }

    /**
     * Attributes in any order; a duplicate type code is an error.
     *
     * @param attributes the attributes, in any order
     * @return the set, sorted by type code
     * @throws IllegalArgumentException if two attributes share a type code
     */
    public static PathAttributes of(PathAttribute... attributes) {
        return of(Arrays.asList(attributes));
    }

    /**
     * @param attributes the attributes, in any order
     * @return the set, sorted by type code, with no Partial bits
     * @throws IllegalArgumentException if two attributes share a type code
     */
    public static PathAttributes of(Collection<? extends PathAttribute> attributes) {
        return of(attributes, new int[0]);
    }

    /**
     * Attributes plus the type codes that carried the Partial bit. Partial applies only to
     * optional transitive attributes; for others it is ignored.
     *
     * @param attributes the attributes, in any order
     * @param partialTypes type codes 0..255 that carried the Partial bit
     * @return the set, sorted by type code
     * @throws IllegalArgumentException on a duplicate type code or a type code out of range
     */
    public static PathAttributes of(Collection<? extends PathAttribute> attributes, int[] partialTypes) {
        PathAttribute[] a = attributes.toArray(new PathAttribute[0]);
        for (PathAttribute x : a) {
            java.util.Objects.requireNonNull(x, "attribute");
        }
        Arrays.sort(a, (x, y) -> Integer.compare(x.typeCode(), y.typeCode()));
        for (int i = 1; i < a.length; i++) {
            if (a[i].typeCode() == a[i - 1].typeCode()) {
                throw new IllegalArgumentException("duplicate attribute type " + a[i].typeCode());
            }
        }
        long[] p = new long[4];
        for (int t : partialTypes) {
            if (t < 0 || t > 255) {
                throw new IllegalArgumentException("type code out of range: " + t);
            }
            p[t >>> 6] |= 1L << (t & 63);
        }
        if (a.length == 0 && (p[0] | p[1] | p[2] | p[3]) == 0) {
            return EMPTY;
        }
        return new PathAttributes(a, p[0], p[1], p[2], p[3]);
    }

    /**
     * @param index 0 to {@code size() - 1}, in type-code order
     * @return the attribute at that position
     */
    public PathAttribute get(int index) {
        return sorted[index];
    }

    /** {@return the number of attributes} */
    public int size() {
        return sorted.length;
    }

    /** {@return true when there are no attributes} */
    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /** {@return the attributes in type-code order, as an unmodifiable list} */
    public List<PathAttribute> asList() {
        return List.of(sorted);
    }

    @Override
    public Iterator<PathAttribute> iterator() {
        return asList().iterator();
    }

    /**
     * The attribute with this type code, or {@code null}.
     *
     * @param typeCode the attribute type code, 0..255
     * @return the attribute, or {@code null} when absent
     */
    public PathAttribute byType(int typeCode) {
        for (PathAttribute a : sorted) {
            if (a.typeCode() == typeCode) {
                return a;
            }
            if (a.typeCode() > typeCode) {
                break;
            }
        }
        return null;
    }

    /**
     * @param typeCode the attribute type code, 0..255
     * @return true when an attribute of this type is present
     */
    public boolean has(int typeCode) {
        return byType(typeCode) != null;
    }

    /**
     * The attribute of a class, if present.
     *
     * @param <A> the attribute class
     * @param type the attribute class, e.g. {@code AsPath.class}
     * @return the attribute, or empty when absent
     */
    public <A extends PathAttribute> Optional<A> get(Class<A> type) {
        for (PathAttribute a : sorted) {
            if (type.isInstance(a)) {
                return Optional.of(type.cast(a));
            }
        }
        return Optional.empty();
    }

    /**
     * True when the attribute of this type arrived with (or must be sent with) the Partial bit.
     *
     * @param typeCode the attribute type code, 0..255
     * @return true when the Partial bit goes with this type
     */
    public boolean isPartial(int typeCode) {
        long w = switch (typeCode >>> 6) {
            case 0 -> p0;
            case 1 -> p1;
            case 2 -> p2;
            default -> p3;
        };
        return (w >>> (typeCode & 63) & 1) != 0;
    }

    /**
     * Type codes carrying the Partial bit.
     *
     * @return the type codes with the Partial bit, ascending; a fresh array
     */
    public int[] partialTypes() {
        int[] out = new int[Long.bitCount(p0) + Long.bitCount(p1) + Long.bitCount(p2) + Long.bitCount(p3)];
        int i = 0;
        for (int t = 0; t < 256; t++) {
            if (isPartial(t)) {
                out[i++] = t;
            }
        }
        return out;
    }

    /** {@return the ORIGIN, if present} */
    public Optional<Origin> origin() {
        return Optional.ofNullable((Origin) byType(PathAttribute.ORIGIN));
    }

    /** {@return the AS_PATH, if present} */
    public Optional<AsPath> asPath() {
        return Optional.ofNullable((AsPath) byType(PathAttribute.AS_PATH));
    }

    /** {@return the classic NEXT_HOP, if present (MP_REACH_NLRI next hops live in the UPDATE)} */
    public Optional<NextHop> nextHop() {
        return Optional.ofNullable((NextHop) byType(PathAttribute.NEXT_HOP));
    }

    /** {@return the MULTI_EXIT_DISC, if present} */
    public Optional<MultiExitDisc> med() {
        return Optional.ofNullable((MultiExitDisc) byType(PathAttribute.MULTI_EXIT_DISC));
    }

    /** {@return the LOCAL_PREF, if present} */
    public Optional<LocalPref> localPref() {
        return Optional.ofNullable((LocalPref) byType(PathAttribute.LOCAL_PREF));
    }

    /** {@return the COMMUNITIES, if present} */
    public Optional<Communities> communities() {
        return Optional.ofNullable((Communities) byType(PathAttribute.COMMUNITIES));
    }

    /** {@return the LARGE_COMMUNITY attribute, if present} */
    public Optional<LargeCommunities> largeCommunities() {
        return Optional.ofNullable((LargeCommunities) byType(PathAttribute.LARGE_COMMUNITY));
    }

    /** {@return the EXTENDED_COMMUNITIES, if present} */
    public Optional<ExtendedCommunities> extendedCommunities() {
        return Optional.ofNullable((ExtendedCommunities) byType(PathAttribute.EXTENDED_COMMUNITIES));
    }

    /**
     * A copy with the attribute added or replacing the one of the same type.
     *
     * @param attribute the attribute to add
     * @return a new set; this one is unchanged
     */
    public PathAttributes with(PathAttribute attribute) {
        List<PathAttribute> out = new ArrayList<>(size() + 1);
        for (PathAttribute a : sorted) {
            if (a.typeCode() != attribute.typeCode()) {
                out.add(a);
            }
        }
        out.add(attribute);
        return of(out, partialTypes());
    }

    /**
     * A copy without the attribute of this type.
     *
     * @param typeCode the attribute type code, 0..255
     * @return a new set, or this one when the type is absent
     */
    public PathAttributes without(int typeCode) {
        if (!has(typeCode)) {
            return this;
        }
        List<PathAttribute> out = new ArrayList<>(size());
        for (PathAttribute a : sorted) {
            if (a.typeCode() != typeCode) {
                out.add(a);
            }
        }
        return of(out, partialTypes());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PathAttributes p)) {
            return false;
        }
        return p.hash == hash && p.p0 == p0 && p.p1 == p1 && p.p2 == p2 && p.p3 == p3
                && Arrays.equals(p.sorted, sorted);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return asList().toString();
    }
}
