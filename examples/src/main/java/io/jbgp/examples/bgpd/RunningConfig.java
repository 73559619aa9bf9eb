package io.jbgp.examples.bgpd;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Afi;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.examples.config.BgpdConfig;
import io.jbgp.examples.config.FilterRule;
import io.jbgp.examples.config.LeakGuard;
import io.jbgp.examples.config.NetworkConfig;
import io.jbgp.examples.config.PrefixSetConfig;
import io.jbgp.examples.config.ResolvedNeighbor;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.rib.RibPeerSettings;
import io.jbgp.rib.origin.NetworkStatement;
import io.jbgp.rib.origin.OriginConfig;
import io.jbgp.rib.origin.Overrides;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed bgpd.conf translated into the library's terms: one {@link PeerConfig} and one pair of
 * policies per neighbor, the {@link OriginConfig} of the {@code network} statements, and the
 * leak guards' include lists (which the library's {@link Overrides} cannot express: an include
 * there lifts the uplink guard, here it restricts). Immutable; a reload builds a new one and the
 * daemon applies the difference.
 *
 * @param config      the file as parsed
 * @param routerId    the configured router id, or one derived from the host's addresses
 * @param peers       per neighbor address, in configuration order
 * @param settings    per neighbor address: import and export policy, next-hop-self addresses
 * @param origin      what the {@code network} statements originate
 * @param guards      for each dynamic statement, its leak guard (for include lists and "show")
 */
record RunningConfig(BgpdConfig config, RouterId routerId, Map<InetAddress, PeerConfig> peers,
                     Map<InetAddress, RibPeerSettings> settings, OriginConfig origin,
                     Map<NetworkStatement, LeakGuard> guards) {

    /** Shutdown communication (RFC 9003) when bgpd stops or a neighbor is removed. */
    static final String SHUTDOWN_COMMUNICATION = "jbgp bgpd shutting down";

    RunningConfig {
        peers = Collections.unmodifiableMap(new LinkedHashMap<>(peers));
        settings = Map.copyOf(settings);
        guards = Map.copyOf(guards);
    }

    /** Translates a parsed file; {@code options} supply what bgpd.conf cannot say. */
    static RunningConfig of(BgpdConfig c, Bgpd.Options options) {
        RouterId id = c.routerId().orElseGet(RunningConfig::deriveRouterId);
        Map<InetAddress, String> groups = new LinkedHashMap<>();
        for (ResolvedNeighbor n : c.resolvedNeighbors()) {
            n.group().ifPresent(g -> groups.put(n.address(), g));
        }
        FilterPolicy in = new FilterPolicy(c.filters(), FilterRule.Direction.FROM, groups, c.asn().value());
        FilterPolicy out = new FilterPolicy(c.filters(), FilterRule.Direction.TO, groups, c.asn().value());
        Map<InetAddress, PeerConfig> peers = new LinkedHashMap<>();
        Map<InetAddress, RibPeerSettings> settings = new LinkedHashMap<>();
        for (ResolvedNeighbor n : c.resolvedNeighbors()) {
            peers.put(n.address(), peerConfig(c, n, options));
            // next hop self for the family the session does not run over: the options, else the
            // file's local-address of that family, else an address beside the session's source
            Optional<InetAddress> local = n.settings().localAddress(n.address());
            RibPeerSettings rs = new RibPeerSettings(Optional.of(in), Optional.of(out),
                    options.localV4().or(() -> n.settings().localV4())
                            .or(() -> local.flatMap(RunningConfig::v4Beside)),
                    options.localV6().or(() -> n.settings().localV6())
                            .or(() -> local.flatMap(RunningConfig::v6Beside)));
            // the RIB counts the neighbor's prefixes; the session resets and restarts it
            settings.put(n.address(), n.settings().maxPrefix().map(m -> rs.withMaxPrefixes(m.limit())).orElse(rs));
        }
        Map<NetworkStatement, LeakGuard> guards = new LinkedHashMap<>();
        List<NetworkStatement> statements = new ArrayList<>();
        for (NetworkConfig nc : c.networks()) {
            NetworkStatement s = statement(c, nc);
            statements.add(s);
            if (nc instanceof NetworkConfig.Connected cn) {
                guards.put(s, cn.guard());
            } else if (nc instanceof NetworkConfig.Static st) {
                guards.put(s, st.guard());
            }
        }
        return new RunningConfig(c, id, peers, settings, OriginConfig.of(statements), guards);
    }

    private static PeerConfig peerConfig(BgpdConfig c, ResolvedNeighbor n, Bgpd.Options options) {
        PeerConfig.Builder b = PeerConfig.builder(n.address(), n.remoteAs()).port(n.port())
                .passive(n.settings().passive())
                .description(n.settings().description().orElse(""))
                .shutdownCommunication(SHUTDOWN_COMMUNICATION);
        // bind only to the local-address of the neighbor's family, as bgpd does
        n.settings().localAddress(n.address()).ifPresent(b::localAddress);
        if (n.announces(Afi.IPV4)) {
            b.family(AddressFamily.IPV4_UNICAST);
        }
        if (n.announces(Afi.IPV6)) {
            b.family(AddressFamily.IPV6_UNICAST);
        }
        TimerConfig.Builder t = TimerConfig.builder().holdTime(Duration.ofSeconds(n.holdTime()))
                .connectRetry(Duration.ofSeconds(c.connectRetry()));
        options.idleHold().ifPresent(d -> t.idleHoldInitial(d).idleHoldMax(d.multipliedBy(8)));
        b.timers(t.build());
        n.settings().md5Password().ifPresent(s -> b.md5Password(s.value()));
        // GTSM (RFC 5082): "ttl-security yes" means a directly connected neighbor, one hop away
        n.settings().ttlSecurity().filter(Boolean::booleanValue).ifPresent(x -> b.ttlSecurity(1));
        n.settings().maxPrefix().ifPresent(m -> {
            int limit = (int) Math.min(Integer.MAX_VALUE, m.limit());
            if (m.restartMinutes().isPresent()) {
                b.maxPrefixes(limit, Duration.ofMinutes(m.restartMinutes().getAsInt()));
            } else {
                b.maxPrefixes(limit);
            }
        });
        return b.build();
    }

    private static NetworkStatement statement(BgpdConfig c, NetworkConfig nc) {
        if (nc instanceof NetworkConfig.Prefix p) {
            return new NetworkStatement.Prefix(p.prefix(), PathAttributes.EMPTY);
        }
        if (nc instanceof NetworkConfig.Connected cn) {
            return new NetworkStatement.Connected(family(cn.afi()), PathAttributes.EMPTY, overrides(cn.guard()));
        }
        if (nc instanceof NetworkConfig.Static st) {
            return new NetworkStatement.Static(family(st.afi()), PathAttributes.EMPTY, overrides(st.guard()));
        }
        if (nc instanceof NetworkConfig.PrefixSet ps) {
            PrefixSetConfig set = c.prefixSet(ps.name()).orElseThrow(() -> new IllegalStateException(
                    "statement: prefix-set " + ps.name() + " vanished after parsing"));
            Set<IpPrefix> prefixes = new LinkedHashSet<>();
            set.entries().forEach(e -> prefixes.add(e.prefix()));
            return new NetworkStatement.PrefixSet(ps.name(), prefixes, PathAttributes.EMPTY);
        }
        throw new IllegalStateException("statement: unknown network statement " + nc);
    }

    // only the exclusions map onto the library's overrides; include lists are applied by the daemon
    private static Overrides overrides(LeakGuard g) {
        return new Overrides(Set.of(), Set.copyOf(g.excludeInterfaces()), Set.of(), Set.copyOf(g.excludePrefixes()));
    }

    private static AddressFamily family(Afi afi) {
        return afi == Afi.IPV4 ? AddressFamily.IPV4_UNICAST : AddressFamily.IPV6_UNICAST;
    }

    /** bgpd's rule: without {@code router-id}, the highest IPv4 address of the host. */
    static RouterId deriveRouterId() {
        int best = 0;
        try {
            for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(i.getInetAddresses())) {
                    if (a instanceof Inet4Address v4 && !a.isLoopbackAddress()) {
                        int v = RouterId.of(v4).value();
                        if (Integer.compareUnsigned(v, best) > 0) {
                            best = v;
                        }
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces readable: fall through to the fixed fallback
        }
        return best != 0 ? RouterId.of(best) : RouterId.parse("127.0.0.1");
    }

    // our address of the other family on the interface that carries the session, for next hop self
    private static Optional<Inet6Address> v6Beside(InetAddress local) {
        return beside(local, Inet6Address.class);
    }

    private static Optional<Inet4Address> v4Beside(InetAddress local) {
        return beside(local, Inet4Address.class);
    }

    private static <T extends InetAddress> Optional<T> beside(InetAddress local, Class<T> type) {
        try {
            NetworkInterface i = NetworkInterface.getByInetAddress(local);
            if (i == null) {
                return Optional.empty();
            }
            T fallback = null;
            for (InetAddress a : Collections.list(i.getInetAddresses())) {
                if (type.isInstance(a) && !a.isLinkLocalAddress()) {
                    if (!a.isLoopbackAddress()) {
                        return Optional.of(type.cast(a));
                    }
                    fallback = type.cast(a);
                }
            }
            return Optional.ofNullable(fallback);
        } catch (SocketException e) {
            return Optional.empty();
        }
    }
}
