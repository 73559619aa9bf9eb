package io.jbgp.core.attr;

/**
 * An extended community (RFC 4360), 8 octets. Route Target and Route Origin in their three
 * global-administrator forms are typed; everything else is kept raw.
 */
public sealed interface ExtendedCommunity
        permits ExtendedCommunity.RouteTarget, ExtendedCommunity.RouteOrigin, ExtendedCommunity.Raw {

    /** {@return the 8 octets as a big-endian {@code long}} */
    long toLong();

    /** Global administrator forms (RFC 4360 §3, RFC 5668). */
    enum Format {
        /** Type 0x00: 2-octet AS, 4-octet local. */
        TWO_OCTET_AS(0x00),
        /** Type 0x01: IPv4 address, 2-octet local. */
        IPV4_ADDRESS(0x01),
        /** Type 0x02: 4-octet AS, 2-octet local (RFC 5668). */
        FOUR_OCTET_AS(0x02);

        private final int typeHigh;

        Format(int typeHigh) {
            this.typeHigh = typeHigh;
        }

        /**
         * {@return the high-order type octet for this administrator form (RFC 4360 §3.1, RFC 5668)}
         */
        public int typeHigh() {
            return typeHigh;
        }
    }

    /** Sub-type 0x02. */
    int SUBTYPE_ROUTE_TARGET = 0x02;
    /** Sub-type 0x03. */
    int SUBTYPE_ROUTE_ORIGIN = 0x03;

    /**
     * Decodes 8 octets into the typed form when there is one.
     *
     * @param raw the 8 octets as a big-endian {@code long}
     * @return a {@code RouteTarget} or {@code RouteOrigin} when the type and sub-type match, else
     *     the raw form
     */
    static ExtendedCommunity of(long raw) {
        int type = (int) (raw >>> 56) & 0xFF;
        int sub = (int) (raw >>> 48) & 0xFF;
        Format f = switch (type) {
            case 0x00 -> Format.TWO_OCTET_AS;
            case 0x01 -> Format.IPV4_ADDRESS;
            case 0x02 -> Format.FOUR_OCTET_AS;
            default -> null;
        };
        if (f != null && (sub == SUBTYPE_ROUTE_TARGET || sub == SUBTYPE_ROUTE_ORIGIN)) {
            long global;
            long local;
            if (f == Format.TWO_OCTET_AS) {
                global = (raw >>> 32) & 0xFFFF;
                local = raw & 0xFFFF_FFFFL;
            } else {
                global = (raw >>> 16) & 0xFFFF_FFFFL;
                local = raw & 0xFFFF;
            }
            return sub == SUBTYPE_ROUTE_TARGET ? new RouteTarget(f, global, local) : new RouteOrigin(f, global, local);
        }
        return new Raw(raw);
    }

    private static long encode(Format f, int sub, long global, long local) {
        long head = (long) f.typeHigh() << 56 | (long) sub << 48;
        if (f == Format.TWO_OCTET_AS) {
            return head | (global & 0xFFFF) << 32 | (local & 0xFFFF_FFFFL);
        }
        return head | (global & 0xFFFF_FFFFL) << 16 | (local & 0xFFFF);
    }

    private static void check(Format f, long global, long local) {
        long gmax = f == Format.TWO_OCTET_AS ? 0xFFFF : 0xFFFF_FFFFL;
        long lmax = f == Format.TWO_OCTET_AS ? 0xFFFF_FFFFL : 0xFFFF;
        if (global < 0 || global > gmax || local < 0 || local > lmax) {
            throw new IllegalArgumentException("extended community field out of range for " + f);
        }
    }

    private static String text(String kind, Format f, long global, long local) {
        String g = f == Format.IPV4_ADDRESS
                ? io.jbgp.core.types.RouterId.Ipv4.toString((int) global) : Long.toString(global);
        return kind + " " + g + ":" + local;
    }

    /**
     * Route Target, transitive (RFC 4360 §4).
     *
     * @param format the global administrator form
     * @param global AS number or IPv4 address
     * @param local  the local administrator
     */
    record RouteTarget(Format format, long global, long local) implements ExtendedCommunity {
        /**
         * Checks that global and local fit the chosen format.
         *
         * @param format the global administrator form
         * @param global AS number or IPv4 address
         * @param local the local administrator
         */
        public RouteTarget {
            check(format, global, local);
        }

        @Override
        public long toLong() {
            return encode(format, SUBTYPE_ROUTE_TARGET, global, local);
        }

        @Override
        public String toString() {
            return text("rt", format, global, local);
        }
    }

    /**
     * Route Origin (site of origin), transitive (RFC 4360 §5).
     *
     * @param format the global administrator form
     * @param global AS number or IPv4 address
     * @param local  the local administrator
     */
    record RouteOrigin(Format format, long global, long local) implements ExtendedCommunity {
        /**
         * Checks that global and local fit the chosen format.
         *
         * @param format the global administrator form
         * @param global AS number or IPv4 address
         * @param local the local administrator
         */
        public RouteOrigin {
            check(format, global, local);
        }

        @Override
        public long toLong() {
            return encode(format, SUBTYPE_ROUTE_ORIGIN, global, local);
        }

        @Override
        public String toString() {
            return text("soo", format, global, local);
        }
    }

    /**
     * Any other extended community, as 8 raw octets.
     *
     * @param value the octets, big-endian
     */
    record Raw(long value) implements ExtendedCommunity {
        @Override
        public long toLong() {
            return value;
        }

        @Override
        public String toString() {
            return String.format("ext 0x%016x", value);
        }
    }
}
