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
 *                              prefixes (RFC 4486 §4); enforced by the RIB
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
                         Optional<String> shutdownCommunication) {

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
        Objects.requireNonNull(shutdownCommunication, "shutdownCommunication");
    }

    /** The neighbor's identity in the ports and the RIB. */
    public PeerKey key() {
        return new PeerKey(remoteAddress, vrf);
    }

    /** This neighbor's timers, or the speaker's when none are configured. */
    public TimerConfig effectiveTimers(SpeakerConfig speaker) {
        return timers.orElse(speaker.timers());
    }

    /** A builder with defaults: active, port 179, the remote address's unicast family. */
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
                + ", maxPrefixes=" + maxPrefixes + ", shutdownCommunication=" + shutdownCommunication
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
        private Optional<String> shutdownCommunication = Optional.empty();

        private Builder(InetAddress remoteAddress, Asn remoteAs) {
            this.remoteAddress = Objects.requireNonNull(remoteAddress, "remoteAddress");
            this.remoteAs = Objects.requireNonNull(remoteAs, "remoteAs");
        }

        public Builder vrf(String vrf) {
            this.vrf = Optional.of(vrf);
            return this;
        }

        public Builder localAddress(InetAddress address) {
            this.localAddress = Optional.of(address);
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder passive(boolean passive) {
            this.passive = passive;
            return this;
        }

        public Builder timers(TimerConfig timers) {
            this.timers = Optional.of(timers);
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Adds a family; without any, the remote address's unicast family is used. */
        public Builder family(AddressFamily family) {
            families.add(family);
            return this;
        }

        public Builder routeRefresh(boolean v) {
            this.routeRefresh = v;
            return this;
        }

        public Builder enhancedRouteRefresh(boolean v) {
            this.enhancedRouteRefresh = v;
            return this;
        }

        public Builder extendedMessage(boolean v) {
            this.extendedMessage = v;
            return this;
        }

        public Builder addPath(AddressFamily family, Capability.AddPath.Mode mode) {
            addPath.put(family, mode);
            return this;
        }

        public Builder role(Capability.Role role, boolean strict) {
            this.role = Optional.of(role);
            this.strictRole = strict;
            return this;
        }

        public Builder requireCapability(int code) {
            requiredCapabilities.add(code);
            return this;
        }

        public Builder md5Password(String password) {
            this.md5Password = Optional.of(password);
            return this;
        }

        public Builder ttlSecurity(int hops) {
            this.ttlSecurity = OptionalInt.of(hops);
            return this;
        }

        public Builder maxPrefixes(int max) {
            this.maxPrefixes = OptionalInt.of(max);
            return this;
        }

        public Builder shutdownCommunication(String text) {
            this.shutdownCommunication = Optional.of(text);
            return this;
        }

        public PeerConfig build() {
            Set<AddressFamily> fams = new LinkedHashSet<>(families);
            if (fams.isEmpty()) {
                fams.add(remoteAddress instanceof Inet4Address
                        ? AddressFamily.IPV4_UNICAST : AddressFamily.IPV6_UNICAST);
            }
            return new PeerConfig(remoteAddress, remoteAs, vrf, localAddress, port, passive, timers,
                    description, fams, routeRefresh, enhancedRouteRefresh, extendedMessage, addPath,
                    role, strictRole, requiredCapabilities, md5Password, ttlSecurity, maxPrefixes,
                    shutdownCommunication);
        }
    }
}
