package io.jbgp.examples.config;

import io.jbgp.core.types.Afi;
import io.jbgp.core.types.Asn;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The session settings a {@code group} or {@code neighbor} block may carry. Every field is
 * "unset" unless the block says otherwise, so a neighbor inherits from its group field by field
 * ({@link #overlay}), as bgpd copies the group template into each neighbor before parsing the
 * neighbor's own lines.
 *
 * @param remoteAs {@code remote-as N}
 * @param description {@code descr "..."}
 * @param passive {@code passive}: never open the TCP connection ourselves; bgpd has no way to
 *     switch it off again, so a neighbor of a passive group is passive
 * @param holdTime {@code holdtime N}, 3..65535 seconds
 * @param localV4 {@code local-address A} with an IPv4 address: the source of sessions to IPv4
 *     neighbors, and our IPv4 next hop on sessions over IPv6
 * @param localV6 {@code local-address A} with an IPv6 address: the source of sessions to IPv6
 *     neighbors, and our IPv6 next hop on sessions over IPv4. bgpd keeps one per family too, so
 *     {@code local-address 172.19.0.1} and {@code local-address 2001:db8::1} together mean both
 * @param port {@code port N}, the peer's TCP port (default 179)
 * @param md5Password {@code tcp md5sig password SECRET} (RFC 2385)
 * @param ttlSecurity {@code ttl-security yes|no} (GTSM, RFC 5082)
 * @param maxPrefix {@code max-prefix N [restart M]}
 * @param announce {@code announce IPv4|IPv6 unicast|none}: per family, whether the session
 *     negotiates it (RFC 4760); absent means bgpd's default, the neighbor address's family
 */
public record PeerSettings(
        Optional<Asn> remoteAs,
        Optional<String> description,
        boolean passive,
        OptionalInt holdTime,
        Optional<Inet4Address> localV4,
        Optional<Inet6Address> localV6,
        OptionalInt port,
        Optional<Secret> md5Password,
        Optional<Boolean> ttlSecurity,
        Optional<MaxPrefix> maxPrefix,
        Map<Afi, Boolean> announce) {

    /** No setting given. */
    public static final PeerSettings EMPTY = builder().build();

    /** Copies {@code announce}. */
    public PeerSettings {
        announce = Map.copyOf(announce);
    }

    /** {@return the {@code local-address} of {@code neighbor}'s family: the session's source} */
    public Optional<InetAddress> localAddress(InetAddress neighbor) {
        return neighbor instanceof Inet4Address ? localV4.map(a -> a) : localV6.map(a -> a);
    }

    /** {@return the {@code local-address} of the other family than {@code neighbor}'s, if any} */
    public Optional<InetAddress> localAddressOtherFamily(InetAddress neighbor) {
        return neighbor instanceof Inet4Address ? localV6.map(a -> a) : localV4.map(a -> a);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * These settings with {@code child}'s present values on top: what a neighbor sees when this
     * is its group's block and {@code child} its own.
     */
    public PeerSettings overlay(PeerSettings child) {
        Map<Afi, Boolean> families = new EnumMap<>(Afi.class);
        families.putAll(announce);
        families.putAll(child.announce);
        return new PeerSettings(
                child.remoteAs.or(() -> remoteAs),
                child.description.or(() -> description),
                passive || child.passive,
                child.holdTime.isPresent() ? child.holdTime : holdTime,
                child.localV4.or(() -> localV4),
                child.localV6.or(() -> localV6),
                child.port.isPresent() ? child.port : port,
                child.md5Password.or(() -> md5Password),
                child.ttlSecurity.or(() -> ttlSecurity),
                child.maxPrefix.or(() -> maxPrefix),
                families);
    }

    /** Mutable companion used by the parser and by tests. */
    public static final class Builder {
        private Optional<Asn> remoteAs = Optional.empty();
        private Optional<String> description = Optional.empty();
        private boolean passive;
        private OptionalInt holdTime = OptionalInt.empty();
        private Optional<Inet4Address> localV4 = Optional.empty();
        private Optional<Inet6Address> localV6 = Optional.empty();
        private OptionalInt port = OptionalInt.empty();
        private Optional<Secret> md5Password = Optional.empty();
        private Optional<Boolean> ttlSecurity = Optional.empty();
        private Optional<MaxPrefix> maxPrefix = Optional.empty();
        private final Map<Afi, Boolean> announce = new EnumMap<>(Afi.class);

        private Builder() {}

        /** Sets {@code remote-as}. */
        public Builder remoteAs(Asn asn) {
            remoteAs = Optional.of(asn);
            return this;
        }

        /** Sets {@code descr}. */
        public Builder description(String text) {
            description = Optional.of(text);
            return this;
        }

        /** Sets {@code passive}. */
        public Builder passive(boolean value) {
            passive = value;
            return this;
        }

        /** Sets {@code holdtime}. */
        public Builder holdTime(int seconds) {
            holdTime = OptionalInt.of(seconds);
            return this;
        }

        /** Sets {@code local-address} for the address's family (a later one of a family wins). */
        public Builder localAddress(InetAddress address) {
            if (address instanceof Inet4Address v4) {
                localV4 = Optional.of(v4);
            } else {
                localV6 = Optional.of((Inet6Address) address);
            }
            return this;
        }

        /** Sets {@code port}. */
        public Builder port(int value) {
            port = OptionalInt.of(value);
            return this;
        }

        /** Sets {@code tcp md5sig password}. */
        public Builder md5Password(Secret secret) {
            md5Password = Optional.of(secret);
            return this;
        }

        /** Sets {@code ttl-security}. */
        public Builder ttlSecurity(boolean value) {
            ttlSecurity = Optional.of(value);
            return this;
        }

        /** Sets {@code max-prefix}. */
        public Builder maxPrefix(MaxPrefix value) {
            maxPrefix = Optional.of(value);
            return this;
        }

        /** Sets {@code announce FAMILY unicast} ({@code true}) or {@code none} ({@code false}). */
        public Builder announce(Afi afi, boolean enabled) {
            announce.put(afi, enabled);
            return this;
        }

        /** The immutable settings. */
        public PeerSettings build() {
            return new PeerSettings(remoteAs, description, passive, holdTime, localV4, localV6, port,
                    md5Password, ttlSecurity, maxPrefix, announce);
        }
    }
}
