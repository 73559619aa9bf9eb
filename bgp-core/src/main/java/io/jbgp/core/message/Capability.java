package io.jbgp.core.message;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * A capability advertised in OPEN (RFC 5492). Unknown ones survive as {@link UnknownCapability}.
 * <pre>
 * +------------------------------+
 * | Capability Code (1 octet)    |
 * | Capability Length (1 octet)  |
 * | Capability Value (variable)  |
 * +------------------------------+
 * </pre>
 */
public sealed interface Capability {
    /** Capability code of Multiprotocol Extensions (RFC 4760 §8). */
    int MULTIPROTOCOL = 1;
    /** Capability code of Route Refresh (RFC 2918 §2). */
    int ROUTE_REFRESH = 2;
    /** Capability code of Extended Message (RFC 8654 §3). */
    int EXTENDED_MESSAGE = 6;
    /** Capability code of BGP Role (RFC 9234 §4.1). */
    int BGP_ROLE = 9;
    /** Capability code of Graceful Restart (RFC 4724 §3). */
    int GRACEFUL_RESTART = 64;
    /** Capability code of 4-octet AS support (RFC 6793 §3). */
    int FOUR_OCTET_AS = 65;
    /** Capability code of ADD-PATH (RFC 7911 §4). */
    int ADD_PATH = 69;
    /** Capability code of Enhanced Route Refresh (RFC 7313 §3.1). */
    int ENHANCED_ROUTE_REFRESH = 70;
    /**
     * Capability code of FQDN, FRR's hostname capability (draft-walton-bgp-hostname-capability).
     */
    int HOSTNAME = 73;

    /** {@return the capability code, 0..255} */
    int code();

    /**
     * RFC 4760 §8: Multiprotocol Extensions, one per AFI/SAFI.
     *
     * @param family the AFI/SAFI the sender can handle
     */
    record MultiProtocol(AddressFamily family) implements Capability {
        /**
         * Rejects a null family.
         *
         * @param family the AFI/SAFI the sender can handle
         */
        public MultiProtocol {
            Objects.requireNonNull(family, "family");
        }

        @Override
        public int code() {
            return MULTIPROTOCOL;
        }
    }

    /** RFC 2918: Route Refresh. */
    record RouteRefresh() implements Capability {
        @Override
        public int code() {
            return ROUTE_REFRESH;
        }
    }

    /** RFC 7313: Enhanced Route Refresh. */
    record EnhancedRouteRefresh() implements Capability {
        @Override
        public int code() {
            return ENHANCED_ROUTE_REFRESH;
        }
    }

    /** RFC 8654: Extended Message (up to 65535 octets). */
    record ExtendedMessage() implements Capability {
        @Override
        public int code() {
            return EXTENDED_MESSAGE;
        }
    }

    /**
     * RFC 6793: 4-octet AS number support, carrying our real AS.
     *
     * @param asn the sender's real AS, 0..2³²−1
     */
    record FourOctetAs(Asn asn) implements Capability {
        /**
         * Rejects a null AS.
         *
         * @param asn the sender's real AS, 0..2³²−1
         */
        public FourOctetAs {
            Objects.requireNonNull(asn, "asn");
        }

        @Override
        public int code() {
            return FOUR_OCTET_AS;
        }
    }

    /**
     * RFC 4724 §3: Graceful Restart.
     * <pre>
     * +--------------------------------------------------+
     * | Restart Flags (4 bits) | Restart Time in seconds (12 bits) |
     * | AFI (16 bits) | SAFI (8 bits) | Flags for Address Family (8 bits) | ...
     * +--------------------------------------------------+
     * </pre>
     *
     * @param restartFlags the 4 restart flag bits (R = 0x8, N = 0x4 per RFC 8538)
     * @param restartTime  0..4095 seconds
     * @param families     per-family entries
     */
    record GracefulRestart(int restartFlags, int restartTime, List<Family> families) implements Capability {
        /**
         * R bit: the sender has restarted and is relying on us to keep its routes (RFC 4724 §3).
         */
        public static final int RESTART_STATE = 0x8;
        /** N bit: the sender supports graceful restart after a NOTIFICATION (RFC 8538 §2). */
        public static final int NOTIFICATION = 0x4;

        /**
         * Checks the 4-bit flags and 12-bit restart time, and copies the family list.
         *
         * @param restartFlags the 4 restart flag bits (R = 0x8, N = 0x4 per RFC 8538)
         * @param restartTime 0..4095 seconds
         * @param families per-family entries
         */
        public GracefulRestart {
            if (restartFlags < 0 || restartFlags > 0xF) {
                throw new IllegalArgumentException("restart flags are 4 bits: " + restartFlags);
            }
            if (restartTime < 0 || restartTime > 0xFFF) {
                throw new IllegalArgumentException("restart time is 12 bits: " + restartTime);
            }
            families = List.copyOf(families);
        }

        /** {@return true when the R bit says the sender has just restarted (RFC 4724 §3)} */
        public boolean restarting() {
            return (restartFlags & RESTART_STATE) != 0;
        }

        /**
         * One AFI/SAFI with its flags octet (bit 0x80: forwarding state preserved).
         *
         * @param family the AFI/SAFI
         * @param flags  the flags octet
         */
        public record Family(AddressFamily family, int flags) {
            /** F bit: forwarding state was preserved across the restart (RFC 4724 §3). */
            public static final int FORWARDING_PRESERVED = 0x80;

            /**
             * Checks the flags fit one octet.
             *
             * @param family the AFI/SAFI
             * @param flags the flags octet
             */
            public Family {
                Objects.requireNonNull(family, "family");
                if (flags < 0 || flags > 0xFF) {
                    throw new IllegalArgumentException("flags are one octet: " + flags);
                }
            }

            /**
             * {@return true when the F bit says the sender kept forwarding state for this family
             * across its restart}
             */
            public boolean forwardingPreserved() {
                return (flags & FORWARDING_PRESERVED) != 0;
            }
        }

        @Override
        public int code() {
            return GRACEFUL_RESTART;
        }
    }

    /**
     * RFC 7911 §4: ADD-PATH, a send/receive mode per AFI/SAFI.
     *
     * @param entries one entry per AFI/SAFI, in wire order
     */
    record AddPath(List<Entry> entries) implements Capability {
        /**
         * Copies the entry list, so the record stays immutable.
         *
         * @param entries one entry per AFI/SAFI, in wire order
         */
        public AddPath {
            entries = List.copyOf(entries);
        }

        /** Send/Receive field values. */
        public enum Mode {
            /** The sender can receive path IDs. */
            RECEIVE(1),
            /** The sender wants to send path IDs. */
            SEND(2),
            /** Both. */
            BOTH(3);

            private final int code;

            Mode(int code) {
                this.code = code;
            }

            /** {@return the Send/Receive field value, 1..3} */
            public int code() {
                return code;
            }

            /** {@return true when the sender of the capability may send path IDs} */
            public boolean canSend() {
                return (code & 2) != 0;
            }

            /** {@return true when the sender of the capability accepts path IDs} */
            public boolean canReceive() {
                return (code & 1) != 0;
            }

            /**
             * @param code the Send/Receive octet
             * @return the mode, or {@code null} for a value outside 1..3 (RFC 7911 §4 says to
             *     ignore the entry)
             */
            public static Mode fromCode(int code) {
                return code >= 1 && code <= 3 ? values()[code - 1] : null;
            }
        }

        /**
         * One AFI/SAFI and its mode.
         *
         * @param family the AFI/SAFI
         * @param mode   send, receive or both
         */
        public record Entry(AddressFamily family, Mode mode) {
            /**
             * Rejects null parts.
             *
             * @param family the AFI/SAFI
             * @param mode send, receive or both
             */
            public Entry {
                Objects.requireNonNull(family, "family");
                Objects.requireNonNull(mode, "mode");
            }
        }

        @Override
        public int code() {
            return ADD_PATH;
        }
    }

    /**
     * RFC 9234 §4.1: BGP Role.
     *
     * @param role the sender's role towards the receiver
     */
    record BgpRole(Role role) implements Capability {
        /**
         * Rejects a null role.
         *
         * @param role the sender's role towards the receiver
         */
        public BgpRole {
            Objects.requireNonNull(role, "role");
        }

        @Override
        public int code() {
            return BGP_ROLE;
        }
    }

    /** RFC 9234 role values; unassigned values are an error in OPEN handling, not here. */
    enum Role {
        /** The sender is a transit provider of the receiver. */
        PROVIDER(0),
        /** The sender is a route server. */
        RS(1),
        /** The sender is a client of a route server. */
        RS_CLIENT(2),
        /** The sender is a customer of the receiver. */
        CUSTOMER(3),
        /** The sender is a lateral peer (settlement-free peering). */
        PEER(4);

        private final int code;

        Role(int code) {
            this.code = code;
        }

        /** {@return the role value on the wire, 0..4} */
        public int code() {
            return code;
        }

        /**
         * @param code the role octet
         * @return the role, or {@code null} for an unassigned value
         */
        public static Role fromCode(int code) {
            return code >= 0 && code <= 4 ? values()[code] : null;
        }
    }

    /**
     * The FQDN capability FRR sends (draft-walton-bgp-hostname-capability, code 73): a hostname
     * and a domain name, each a length octet and text.
     *
     * @param hostname the sender's host name, at most 255 octets of UTF-8
     * @param domain the sender's domain name, possibly empty
     */
    record Hostname(String hostname, String domain) implements Capability {
        /**
         * Rejects null parts; an empty domain is allowed.
         *
         * @param hostname the sender's host name, at most 255 octets of UTF-8
         * @param domain the sender's domain name, possibly empty
         */
        public Hostname {
            Objects.requireNonNull(hostname, "hostname");
            Objects.requireNonNull(domain, "domain");
        }

        @Override
        public int code() {
            return HOSTNAME;
        }
    }

    /**
     * Any capability we do not interpret, kept as bytes.
     *
     * @param code the capability code, 0..255
     * @param value the capability value, as received
     */
    record UnknownCapability(int code, Bytes value) implements Capability {
        /**
         * Checks the code is 0..255 and the value is present.
         *
         * @param code the capability code, 0..255
         * @param value the capability value, as received
         */
        public UnknownCapability {
            if (code < 0 || code > 255) {
                throw new IllegalArgumentException("capability code out of range: " + code);
            }
            Objects.requireNonNull(value, "value");
        }
    }
}
