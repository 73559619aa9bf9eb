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
    int MULTIPROTOCOL = 1;
    int ROUTE_REFRESH = 2;
    int EXTENDED_MESSAGE = 6;
    int BGP_ROLE = 9;
    int GRACEFUL_RESTART = 64;
    int FOUR_OCTET_AS = 65;
    int ADD_PATH = 69;
    int ENHANCED_ROUTE_REFRESH = 70;
    int HOSTNAME = 73;

    /** {@return the capability code} */
    int code();

    /** RFC 4760 §8: Multiprotocol Extensions, one per AFI/SAFI. */
    record MultiProtocol(AddressFamily family) implements Capability {
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

    /** RFC 6793: 4-octet AS number support, carrying our real AS. */
    record FourOctetAs(Asn asn) implements Capability {
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
        public static final int RESTART_STATE = 0x8;
        public static final int NOTIFICATION = 0x4;

        public GracefulRestart {
            if (restartFlags < 0 || restartFlags > 0xF) {
                throw new IllegalArgumentException("restart flags are 4 bits: " + restartFlags);
            }
            if (restartTime < 0 || restartTime > 0xFFF) {
                throw new IllegalArgumentException("restart time is 12 bits: " + restartTime);
            }
            families = List.copyOf(families);
        }

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
            public static final int FORWARDING_PRESERVED = 0x80;

            public Family {
                Objects.requireNonNull(family, "family");
                if (flags < 0 || flags > 0xFF) {
                    throw new IllegalArgumentException("flags are one octet: " + flags);
                }
            }

            public boolean forwardingPreserved() {
                return (flags & FORWARDING_PRESERVED) != 0;
            }
        }

        @Override
        public int code() {
            return GRACEFUL_RESTART;
        }
    }

    /** RFC 7911 §4: ADD-PATH, a send/receive mode per AFI/SAFI. */
    record AddPath(List<Entry> entries) implements Capability {
        public AddPath {
            entries = List.copyOf(entries);
        }

        /** Send/Receive field values. */
        public enum Mode {
            RECEIVE(1), SEND(2), BOTH(3);

            private final int code;

            Mode(int code) {
                this.code = code;
            }

            public int code() {
                return code;
            }

            public boolean canSend() {
                return (code & 2) != 0;
            }

            public boolean canReceive() {
                return (code & 1) != 0;
            }

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

    /** RFC 9234 §4.1: BGP Role. */
    record BgpRole(Role role) implements Capability {
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
        PROVIDER(0), RS(1), RS_CLIENT(2), CUSTOMER(3), PEER(4);

        private final int code;

        Role(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static Role fromCode(int code) {
            return code >= 0 && code <= 4 ? values()[code] : null;
        }
    }

    /**
     * The FQDN capability FRR sends (draft-walton-bgp-hostname-capability, code 73): a hostname
     * and a domain name, each a length octet and text.
     */
    record Hostname(String hostname, String domain) implements Capability {
        public Hostname {
            Objects.requireNonNull(hostname, "hostname");
            Objects.requireNonNull(domain, "domain");
        }

        @Override
        public int code() {
            return HOSTNAME;
        }
    }

    /** Any capability we do not interpret, kept as bytes. */
    record UnknownCapability(int code, Bytes value) implements Capability {
        public UnknownCapability {
            if (code < 0 || code > 255) {
                throw new IllegalArgumentException("capability code out of range: " + code);
            }
            Objects.requireNonNull(value, "value");
        }
    }
}
