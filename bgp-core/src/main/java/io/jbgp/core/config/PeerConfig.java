package io.jbgp.core.config;

import io.jbgp.core.message.Capability;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One configured neighbor (OpenBGPD's {@code neighbor} block). Data only: the FSM reads it to
 * build the OPEN and to validate the peer's.
 *
 * @param remoteAddress         the neighbor's address; also what inbound connections are matched on
 * @param remoteAs              the AS the neighbor must announce (RFC 4271 §6.2 Bad Peer AS)
 * @param vrf                   routing instance the neighbor lives in, if not the default
 * @param localAddress          source address for outbound connections, if fixed
 * @param port                  remote TCP port for outbound connections (179)
 * @param passive               never connect out, only accept (RFC 4271 §8.1.1 PassiveTcpEstablishment)
 * @param timers                timer settings; empty means the speaker's defaults
 * @param description           free text for "show" output
 * @param families              AFI/SAFIs we announce with the Multiprotocol capability (RFC 4760)
 * @param routeRefresh          advertise Route Refresh (RFC 2918)
 * @param enhancedRouteRefresh  advertise Enhanced Route Refresh (RFC 7313)
 * @param extendedMessage       advertise Extended Message (RFC 8654)
 * @param addPath               ADD-PATH modes we advertise per family (RFC 7911)
 * @param role                  our BGP Role towards this neighbor (RFC 9234), if configured
 * @param strictRole            RFC 9234 §4.2 strict mode: the neighbor must send a role
 * @param requiredCapabilities  capability codes the neighbor must advertise (RFC 5492 §5)
 * @param md5Password           TCP MD5 signature key (RFC 2385); never printed
 * @param ttlSecurity           GTSM (RFC 5082): the number of hops the neighbor may be away
 * @param maxPrefixes           tear the session down with CEASE subcode 1 beyond this many
 *                              prefixes (RFC 4486 §4); counted by the RIB, which tells the session
 *                              through {@code PeerOutbound.prefixLimitExceeded}
 * @param maxPrefixRestart      after such a teardown, reconnect after this long (OpenBGPD's
 *                              {@code max-prefix N restart M}); empty: stay down until started again
 * @param shutdownCommunication default text for CEASE Administrative Shutdown (RFC 9003)
 */
public record PeerConfig(InetAddress remoteAddress, Asn remoteAs, Optional<String> vrf,
                         Optional<InetAddress> localAddress, int port, boolean passive,
                         Optional<TimerConfig> timers, String description, Set<AddressFamily> families,
                         boolean routeRefresh, boolean enhancedRouteRefresh, boolean extendedMessage,
                         Map<AddressFamily, Capability.AddPath.Mode> addPath,
                         Optional<Capability.Role> role, boolean strictRole,
                         Set<Integer> requiredCapabilities, Optional<String> md5Password,
                         OptionalInt ttlSecurity, OptionalInt maxPrefixes,
                         Optional<java.time.Duration> maxPrefixRestart,
                         Optional<String> shutdownCommunication) {

    /**
     * Rejects null parts; checks the port, the family set, strict role, GTSM hops 1..254 and a
     * positive max-prefix restart; copies the collections.
     *
     * @param remoteAddress the neighbor's address; also what inbound connections are matched on
     * @param remoteAs the AS the neighbor must announce (RFC 4271 §6.2 Bad Peer AS)
     * @param vrf routing instance the neighbor lives in, if not the default
     * @param localAddress source address for outbound connections, if fixed
     * @param port remote TCP port for outbound connections (179)
     * @param passive never connect out, only accept (RFC 4271 §8.1.1 PassiveTcpEstablishment)
     * @param timers timer settings; empty means the speaker's defaults
     * @param description free text for "show" output
     * @param families AFI/SAFIs we announce with the Multiprotocol capability (RFC 4760)
     * @param routeRefresh advertise Route Refresh (RFC 2918)
     * @param enhancedRouteRefresh advertise Enhanced Route Refresh (RFC 7313)
     * @param extendedMessage advertise Extended Message (RFC 8654)
     * @param addPath ADD-PATH modes we advertise per family (RFC 7911)
     * @param role our BGP Role towards this neighbor (RFC 9234), if configured
     * @param strictRole RFC 9234 §4.2 strict mode: the neighbor must send a role
     * @param requiredCapabilities capability codes the neighbor must advertise (RFC 5492 §5)
     * @param md5Password TCP MD5 signature key (RFC 2385); never printed
     * @param ttlSecurity GTSM (RFC 5082): the number of hops the neighbor may be away
     * @param maxPrefixes tear the session down with CEASE subcode 1 beyond this many prefixes (RFC
     *     4486 §4); counted by the RIB, which tells the session through {@code
     *     PeerOutbound.prefixLimitExceeded}
     * @param maxPrefixRestart after such a teardown, reconnect after this long (OpenBGPD's {@code
     *     max-prefix N restart M}); empty: stay down until started again
     * @param shutdownCommunication default text for CEASE Administrative Shutdown (RFC 9003)
     */
    public PeerConfig {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(remoteAs, "remoteAs");
        Objects.requireNonNull(vrf, "vrf");
        Objects.requireNonNull(localAddress, "localAddress");
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(description, "description");
        families = Set.copyOf(new LinkedHashSet<>(families));
        if (families.isEmpty()) {
            throw new IllegalArgumentException("a neighbor needs at least one address family");
        }
        addPath = Map.copyOf(addPath);
        Objects.requireNonNull(role, "role");
        if (strictRole && role.isEmpty()) {
            throw new IllegalArgumentException("strict role mode needs a local role");
        }
        requiredCapabilities = Set.copyOf(requiredCapabilities);
        Objects.requireNonNull(md5Password, "md5Password");
        Objects.requireNonNull(ttlSecurity, "ttlSecurity");
        if (ttlSecurity.isPresent() && (ttlSecurity.getAsInt() < 1 || ttlSecurity.getAsInt() > 254)) {
            throw new IllegalArgumentException("ttl-security hops must be 1..254");
        }
        Objects.requireNonNull(maxPrefixes, "maxPrefixes");
        Objects.requireNonNull(maxPrefixRestart, "maxPrefixRestart");
        if (maxPrefixRestart.isPresent() && (maxPrefixRestart.get().isNegative() || maxPrefixRestart.get().isZero())) {
            throw new IllegalArgumentException("max-prefix restart must be positive: " + maxPrefixRestart.get());
        }
        Objects.requireNonNull(shutdownCommunication, "shutdownCommunication");
    }

    /**
     * The neighbor's identity in the ports and the RIB.
     *
     * @return the address and VRF key
     */
    public PeerKey key() {
        return new PeerKey(remoteAddress, vrf);
    }

    /**
     * This neighbor's timers, or the speaker's when none are configured.
     *
     * @param speaker the speaker-wide configuration
     * @return the timers to use for this neighbor
     */
    public TimerConfig effectiveTimers(SpeakerConfig speaker) {
        return timers.orElse(speaker.timers());
    }

    /**
     * A builder with defaults: active, port 179, the remote address's unicast family.
     *
     * @param remoteAddress the neighbor's address
     * @param remoteAs the AS the neighbor must announce
     * @return the builder
     */
    public static Builder builder(InetAddress remoteAddress, Asn remoteAs) {
        return new Builder(remoteAddress, remoteAs);
    }

    /** Every field except the password, which is masked. */
    @Override
    public String toString() {
        return "PeerConfig[remoteAddress=" + remoteAddress.getHostAddress() + ", remoteAs=" + remoteAs
                + ", vrf=" + vrf + ", localAddress=" + localAddress + ", port=" + port
                + ", passive=" + passive + ", timers=" + timers + ", description=" + description
                + ", families=" + families + ", routeRefresh=" + routeRefresh
                + ", enhancedRouteRefresh=" + enhancedRouteRefresh
                + ", extendedMessage=" + extendedMessage + ", addPath=" + addPath + ", role=" + role
                + ", strictRole=" + strictRole + ", requiredCapabilities=" + requiredCapabilities
                + ", md5Password=" + md5Password.map(p -> "******") + ", ttlSecurity=" + ttlSecurity
                + ", maxPrefixes=" + maxPrefixes + ", maxPrefixRestart=" + maxPrefixRestart
                + ", shutdownCommunication=" + shutdownCommunication
                + "]";
    }

    /** Builder for {@link PeerConfig}. */
    public static final class Builder {
        private final InetAddress remoteAddress;
        private final Asn remoteAs;
        private Optional<String> vrf = Optional.empty();
        private Optional<InetAddress> localAddress = Optional.empty();
        private int port = SpeakerConfig.BGP_PORT;
        private boolean passive;
        private Optional<TimerConfig> timers = Optional.empty();
        private String description = "";
        private final Set<AddressFamily> families = new LinkedHashSet<>();
        private boolean routeRefresh = true;
        private boolean enhancedRouteRefresh;
        private boolean extendedMessage;
        private final Map<AddressFamily, Capability.AddPath.Mode> addPath = new LinkedHashMap<>();
        private Optional<Capability.Role> role = Optional.empty();
        private boolean strictRole;
        private final Set<Integer> requiredCapabilities = new LinkedHashSet<>();
        private Optional<String> md5Password = Optional.empty();
        private OptionalInt ttlSecurity = OptionalInt.empty();
        private OptionalInt maxPrefixes = OptionalInt.empty();
        private Optional<java.time.Duration> maxPrefixRestart = Optional.empty();
        private Optional<String> shutdownCommunication = Optional.empty();

        private Builder(InetAddress remoteAddress, Asn remoteAs) {
            this.remoteAddress = Objects.requireNonNull(remoteAddress, "remoteAddress");
            this.remoteAs = Objects.requireNonNull(remoteAs, "remoteAs");
        }

        /**
         * @param vrf the routing instance name
         * @return this builder
         */
        public Builder vrf(String vrf) {
            this.vrf = Optional.of(vrf);
            return this;
        }

        /**
         * @param address the source address for outbound connections
         * @return this builder
         */
        public Builder localAddress(InetAddress address) {
            this.localAddress = Optional.of(address);
            return this;
        }

        /**
         * @param port the remote TCP port, 1..65535
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * @param passive true to only accept connections (RFC 4271 §8.1.1)
         * @return this builder
         */
        public Builder passive(boolean passive) {
            this.passive = passive;
            return this;
        }

        /**
         * @param timers this neighbor's timers, instead of the speaker's
         * @return this builder
         */
        public Builder timers(TimerConfig timers) {
            this.timers = Optional.of(timers);
            return this;
        }

        /**
         * @param description free text for "show" output
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Adds a family; without any, the remote address's unicast family is used.
         *
         * @param family an address family to negotiate
         * @return this builder
         */
        public Builder family(AddressFamily family) {
            families.add(family);
            return this;
        }

        /**
         * @param v whether to advertise Route Refresh (RFC 2918)
         * @return this builder
         */
        public Builder routeRefresh(boolean v) {
            this.routeRefresh = v;
            return this;
        }

        /**
         * @param v whether to advertise Enhanced Route Refresh (RFC 7313)
         * @return this builder
         */
        public Builder enhancedRouteRefresh(boolean v) {
            this.enhancedRouteRefresh = v;
            return this;
        }

        /**
         * @param v whether to advertise Extended Message (RFC 8654)
         * @return this builder
         */
        public Builder extendedMessage(boolean v) {
            this.extendedMessage = v;
            return this;
        }

        /**
         * @param family an address family
         * @param mode whether we offer to send, receive or both (RFC 7911 §4)
         * @return this builder
         */
        public Builder addPath(AddressFamily family, Capability.AddPath.Mode mode) {
            addPath.put(family, mode);
            return this;
        }

        /**
         * @param role our role towards the neighbor (RFC 9234)
         * @param strict whether the neighbor must send a matching role (RFC 9234 §4.2)
         * @return this builder
         */
        public Builder role(Capability.Role role, boolean strict) {
            this.role = Optional.of(role);
            this.strictRole = strict;
            return this;
        }

        /**
         * @param code a capability code the neighbor must advertise (RFC 5492 §5)
         * @return this builder
         */
        public Builder requireCapability(int code) {
            requiredCapabilities.add(code);
            return this;
        }

        /**
         * @param password the TCP MD5 key (RFC 2385)
         * @return this builder
         */
        public Builder md5Password(String password) {
            this.md5Password = Optional.of(password);
            return this;
        }

        /**
         * @param hops GTSM (RFC 5082): how many hops away the neighbor may be, 1..254
         * @return this builder
         */
        public Builder ttlSecurity(int hops) {
            this.ttlSecurity = OptionalInt.of(hops);
            return this;
        }

        /**
         * Tears the session down (CEASE subcode 1, RFC 4486) beyond this many prefixes; it stays
         * down until started again.
         *
         * @param max the largest number of prefixes accepted
         * @return this builder
         */
        public Builder maxPrefixes(int max) {
            this.maxPrefixes = OptionalInt.of(max);
            return this;
        }

        /**
         * A prefix limit whose teardown is followed by a new attempt after {@code restart}.
         *
         * @param max the largest number of prefixes accepted
         * @param restart how long to stay down after the teardown, positive
         * @return this builder
         */
        public Builder maxPrefixes(int max, java.time.Duration restart) {
            this.maxPrefixes = OptionalInt.of(max);
            this.maxPrefixRestart = Optional.of(restart);
            return this;
        }

        /**
         * @param text the default shutdown communication (RFC 9003)
         * @return this builder
         */
        public Builder shutdownCommunication(String text) {
            this.shutdownCommunication = Optional.of(text);
            return this;
        }

        /**
         * The configuration; validates like the record constructor.
         *
         * @return the configuration
         */
        public PeerConfig build() {
            Set<AddressFamily> fams = new LinkedHashSet<>(families);
            if (fams.isEmpty()) {
                fams.add(remoteAddress instanceof Inet4Address
                        ? AddressFamily.IPV4_UNICAST : AddressFamily.IPV6_UNICAST);
            }
            return new PeerConfig(remoteAddress, remoteAs, vrf, localAddress, port, passive, timers,
                    description, fams, routeRefresh, enhancedRouteRefresh, extendedMessage, addPath,
                    role, strictRole, requiredCapabilities, md5Password, ttlSecurity, maxPrefixes,
                    maxPrefixRestart, shutdownCommunication);
        }
    }
}
