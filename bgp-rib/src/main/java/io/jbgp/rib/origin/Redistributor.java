package io.jbgp.rib.origin;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.origin.PreviewEntry.Reason;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code network} statements to the host's routes and computes what the speaker
 * originates, with OpenBGPD's {@code kr_redistribute}/{@code kr_net_match} semantics plus a
 * WAN-leak guard.
 *
 * <p>Rules, in the order they are checked for a host route a dynamic statement selected:
 * <ol>
 *   <li>routes this speaker installed ({@link SystemRoute.Kind#OWN}, OpenBGPD {@code F_BGPD})
 *       are ignored altogether, so a full table pushed to the kernel is never re-originated;</li>
 *   <li>never loopback, link-local or multicast destinations, never a route whose next hop is a
 *       loopback address (OpenBGPD: "not redistributable");</li>
 *   <li>the default route is never redistributed, unless an include-prefix override names it
 *       exactly ({@code network 0.0.0.0/0} still announces it explicitly);</li>
 *   <li>exclude/include overrides by prefix (longest covering prefix wins, exclude on a tie),
 *       then by interface;</li>
 *   <li>the WAN-leak guard: {@code connected} does not announce the subnets of an interface that
 *       holds a default route (the uplink), nor a connected subnet containing a default gateway.
 *       An eBGP speaker on a home or branch router otherwise announces its provider's subnet back
 *       to the world, which OpenBGPD leaves to the operator.</li>
 * </ol>
 * Explicit statements ({@code network PREFIX}, prefix sets) are announced unconditionally and
 * take precedence over a dynamic match of the same prefix. Among dynamic candidates for one
 * prefix, the first statement in configuration order wins, then a fixed order of host routes, so
 * the result depends only on the set of routes, never on the order they arrived in.
 *
 * <p>The uplink is family-independent: an interface holding the IPv4 default route is the WAN for
 * its IPv6 subnets too.
 *
 * <p>Threading: not thread-safe. The RIB calls it on its executor only (feed it
 * {@link SystemRouteSource.Listener} events re-posted there); {@link Output} is called
 * synchronously on that thread, with values the RIB applies to its Loc-RIB.
 */
public final class Redistributor implements SystemRouteSource.Listener {
    private static final Logger log = LoggerFactory.getLogger(Redistributor.class);

    private static final IpPrefix V4_LOOPBACK = IpPrefix.parse("127.0.0.0/8");
    private static final IpPrefix V6_LOOPBACK = IpPrefix.parse("::1/128");
    private static final IpPrefix V4_LINK_LOCAL = IpPrefix.parse("169.254.0.0/16");
    private static final IpPrefix V6_LINK_LOCAL = IpPrefix.parse("fe80::/10");
    private static final IpPrefix V4_MULTICAST = IpPrefix.parse("224.0.0.0/4");
    private static final IpPrefix V6_MULTICAST = IpPrefix.parse("ff00::/8");

    /** Fixed order of host routes, so the winner never depends on arrival order. */
    private static final Comparator<SystemRoute> ROUTE_ORDER = Comparator
            .comparing(SystemRoute::kind)
            .thenComparingInt(SystemRoute::priority)
            .thenComparing(SystemRoute::interfaceName)
            .thenComparingInt(SystemRoute::ifIndex)
            .thenComparing(r -> r.nextHop().map(InetAddress::getHostAddress).orElse(""))
            .thenComparing(SystemRoute::label);

    /** Where the computed changes go; the RIB adapts this to Loc-RIB updates. */
    @FunctionalInterface
    public interface Output {
        /** Called once per input event with every prefix whose origination changed; never empty. */
        void changed(List<OriginChange> changes);

        /** An output that drops everything (for previews and tests). */
        Output NONE = changes -> {
        };
    }

    /** A from-scratch result: what is originated and the full preview. */
    public record Evaluation(Map<IpPrefix, OriginatedRoute> originated, List<PreviewEntry> preview) {
        public Evaluation {
            originated = Map.copyOf(originated);
            preview = List.copyOf(preview);
        }
    }

    /** Interfaces and subnets found to be the uplink (holding a default route). */
    record Uplink(Set<String> interfaces, Set<IpPrefix> subnets) {
        static final Uplink NONE = new Uplink(Set.of(), Set.of());

        boolean covers(SystemRoute r) {
            return r.kind() == SystemRoute.Kind.CONNECTED
                    && ((!r.interfaceName().isEmpty() && interfaces.contains(r.interfaceName()))
                    || subnets.contains(r.prefix()));
        }
    }

    private final Output output;
    private OriginConfig config;
    /** Explicit statements by the prefix they name, in configuration order. */
    private Map<IpPrefix, List<NetworkStatement>> explicit = Map.of();
    /** Every non-own host route, by prefix; a list because a source may report duplicates. */
    private final Map<IpPrefix, List<SystemRoute>> routes = new HashMap<>();
    /** Default routes and connected routes: what the uplink is computed from. */
    private final List<SystemRoute> defaults = new ArrayList<>();
    private final List<SystemRoute> connected = new ArrayList<>();
    private Uplink uplink = Uplink.NONE;
    private final TreeMap<IpPrefix, OriginatedRoute> originated = new TreeMap<>();
    private final TreeMap<IpPrefix, List<PreviewEntry>> preview = new TreeMap<>();

    public Redistributor(OriginConfig config, Output output) {
        this.output = Objects.requireNonNull(output, "output");
        this.config = Objects.requireNonNull(config, "config");
        this.explicit = indexExplicit(config);
        reevaluateAll();
    }

    /** Evaluates statements against a set of routes from scratch, with no side effects. */
    public static Evaluation evaluate(OriginConfig config, Collection<SystemRoute> routes) {
        Redistributor r = new Redistributor(config, Output.NONE);
        r.reset(routes);
        return new Evaluation(r.originated(), r.preview());
    }

    /** What is originated now, by prefix. */
    public Map<IpPrefix, OriginatedRoute> originated() {
        return Map.copyOf(originated);
    }

    /** The "what would be announced" view: every candidate, announced or not, with its reason. */
    public List<PreviewEntry> preview() {
        List<PreviewEntry> out = new ArrayList<>();
        preview.values().forEach(out::addAll);
        return out;
    }

    /** The current configuration. */
    public OriginConfig config() {
        return config;
    }

    /** Replaces the configuration and emits what changed. */
    public void reconfigure(OriginConfig newConfig) {
        this.config = Objects.requireNonNull(newConfig, "config");
        this.explicit = indexExplicit(newConfig);
        reevaluateAll();
    }

    /** Replaces the whole set of host routes (start, or after the source lost track) and emits the diff. */
    public void reset(Collection<SystemRoute> all) {
        routes.clear();
        defaults.clear();
        connected.clear();
        for (SystemRoute r : all) {
            index(r, true);
        }
        uplink = computeUplink();
        reevaluateAll();
    }

    @Override
    public void added(SystemRoute route) {
        changed(route, true);
    }

    @Override
    public void removed(SystemRoute route) {
        changed(route, false);
    }

    private void changed(SystemRoute route, boolean add) {
        if (route.kind() == SystemRoute.Kind.OWN) {
            return; // our own routes are never redistributed nor define the uplink
        }
        if (!index(route, add)) {
            return; // removal of a route we never saw
        }
        if (route.isDefault() || route.kind() == SystemRoute.Kind.CONNECTED) {
            Uplink now = computeUplink();
            if (!now.equals(uplink)) {
                uplink = now;
                if (!now.interfaces().isEmpty() || !now.subnets().isEmpty()) {
                    log.info("uplink (default route) is now {} {}", now.interfaces(), now.subnets());
                }
                reevaluateAll(); // the guard moved: every connected subnet may change
                return;
            }
        }
        List<OriginChange> changes = new ArrayList<>(1);
        reevaluate(route.prefix(), changes);
        emit(changes);
    }

    /** Adds or removes one occurrence; false if a removal found nothing. */
    private boolean index(SystemRoute r, boolean add) {
        if (r.kind() == SystemRoute.Kind.OWN) {
            return false;
        }
        if (add) {
            routes.computeIfAbsent(r.prefix(), p -> new ArrayList<>(1)).add(r);
            if (r.isDefault()) {
                defaults.add(r);
            }
            if (r.kind() == SystemRoute.Kind.CONNECTED) {
                connected.add(r);
            }
            return true;
        }
        List<SystemRoute> at = routes.get(r.prefix());
        if (at == null || !at.remove(r)) {
            return false;
        }
        if (at.isEmpty()) {
            routes.remove(r.prefix());
        }
        if (r.isDefault()) {
            defaults.remove(r);
        }
        if (r.kind() == SystemRoute.Kind.CONNECTED) {
            connected.remove(r);
        }
        return true;
    }

    private Uplink computeUplink() {
        if (defaults.isEmpty()) {
            return Uplink.NONE;
        }
        Set<String> ifs = new TreeSet<>();
        Set<IpPrefix> subnets = new TreeSet<>();
        for (SystemRoute d : defaults) {
            if (!d.interfaceName().isEmpty()) {
                ifs.add(d.interfaceName());
            }
            // a default via a gateway with no interface named: the subnet holding the gateway
            for (SystemRoute c : connected) {
                if (d.nextHop().isPresent() && c.prefix().containsAddress(d.nextHop().get())) {
                    subnets.add(c.prefix());
                    if (!c.interfaceName().isEmpty()) {
                        ifs.add(c.interfaceName());
                    }
                }
            }
        }
        return new Uplink(Set.copyOf(ifs), Set.copyOf(subnets));
    }

    private void reevaluateAll() {
        Set<IpPrefix> prefixes = new HashSet<>(routes.keySet());
        prefixes.addAll(explicit.keySet());
        prefixes.addAll(originated.keySet());
        prefixes.addAll(preview.keySet());
        List<OriginChange> changes = new ArrayList<>();
        for (IpPrefix p : new TreeSet<>(prefixes)) {
            reevaluate(p, changes);
        }
        emit(changes);
    }

    private void emit(List<OriginChange> changes) {
        if (!changes.isEmpty()) {
            output.changed(List.copyOf(changes));
        }
    }

    /** Recomputes one prefix from the index; appends a change if its origination moved. */
    private void reevaluate(IpPrefix prefix, List<OriginChange> changes) {
        List<PreviewEntry> entries = evaluatePrefix(prefix);
        Optional<OriginatedRoute> after = entries.stream().filter(PreviewEntry::included).findFirst()
                .map(e -> new OriginatedRoute(prefix, e.statement(), e.statement().attributes(), e.systemRoute()));
        List<PreviewEntry> old = entries.isEmpty() ? preview.remove(prefix) : preview.put(prefix, entries);
        logNewExclusions(old == null ? List.of() : old, entries);
        Optional<OriginatedRoute> before = after.isPresent()
                ? Optional.ofNullable(originated.put(prefix, after.get()))
                : Optional.ofNullable(originated.remove(prefix));
        if (!before.equals(after)) {
            changes.add(new OriginChange(prefix, before, after));
        }
    }

    /** The pure per-prefix decision: explicit statements first, then dynamic candidates in order. */
    private List<PreviewEntry> evaluatePrefix(IpPrefix prefix) {
        List<PreviewEntry> out = new ArrayList<>();
        boolean announced = false;
        for (NetworkStatement s : explicit.getOrDefault(prefix, List.of())) {
            out.add(new PreviewEntry(prefix, s, Optional.empty(), !announced, announced ? Reason.DUPLICATE
                    : Reason.EXPLICIT));
            announced = true;
        }
        List<Candidate> candidates = new ArrayList<>();
        for (SystemRoute r : routes.getOrDefault(prefix, List.of())) {
            int i = firstMatch(r);
            if (i >= 0) {
                candidates.add(new Candidate(i, r));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::statementIndex)
                .thenComparing(Candidate::route, ROUTE_ORDER));
        SystemRoute previous = null;
        for (Candidate c : candidates) {
            if (c.route().equals(previous)) {
                continue; // the same route reported twice is one candidate
            }
            previous = c.route();
            NetworkStatement s = config.statements().get(c.statementIndex());
            Reason reason = judge(c.route(), s);
            boolean ok = reason == Reason.SELECTED || reason == Reason.INCLUDED_PREFIX
                    || reason == Reason.INCLUDED_INTERFACE;
            if (ok && announced) {
                out.add(new PreviewEntry(prefix, s, Optional.of(c.route()), false, Reason.DUPLICATE));
            } else {
                out.add(new PreviewEntry(prefix, s, Optional.of(c.route()), ok, reason));
                announced |= ok;
            }
        }
        return out;
    }

    private record Candidate(int statementIndex, SystemRoute route) {
    }

    /** Index of the first dynamic statement selecting the route ({@code kr_net_match}), or -1. */
    private int firstMatch(SystemRoute r) {
        List<NetworkStatement> statements = config.statements();
        for (int i = 0; i < statements.size(); i++) {
            if (selects(statements.get(i), r)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean selects(NetworkStatement s, SystemRoute r) {
        if (s instanceof NetworkStatement.Connected c) {
            return c.family().equals(r.prefix().family()) && r.kind() == SystemRoute.Kind.CONNECTED;
        }
        if (s instanceof NetworkStatement.Static st) {
            return st.family().equals(r.prefix().family()) && r.kind() == SystemRoute.Kind.STATIC;
        }
        if (s instanceof NetworkStatement.Priority p) {
            return p.family().equals(r.prefix().family()) && r.priority() == p.priority();
        }
        if (s instanceof NetworkStatement.Label l) {
            return l.family().equals(r.prefix().family()) && r.label().equals(l.label());
        }
        if (s instanceof NetworkStatement.Prefix || s instanceof NetworkStatement.PrefixSet) {
            return false; // explicit statements do not select host routes
        }
        throw new IllegalStateException("selects: unknown statement " + s);
    }

    /** The exclusions of {@code kr_redistribute}, then overrides, then the WAN-leak guard. */
    private Reason judge(SystemRoute r, NetworkStatement s) {
        IpPrefix p = r.prefix();
        if (V4_LOOPBACK.contains(p) || V6_LOOPBACK.contains(p)) {
            return Reason.LOOPBACK;
        }
        if (V4_LINK_LOCAL.contains(p) || V6_LINK_LOCAL.contains(p)) {
            return Reason.LINK_LOCAL;
        }
        if (V4_MULTICAST.contains(p) || V6_MULTICAST.contains(p)) {
            return Reason.MULTICAST;
        }
        if (r.nextHop().isPresent() && r.nextHop().get().isLoopbackAddress()) {
            return Reason.NEXTHOP_LOOPBACK;
        }
        if (r.isDefault()) {
            // only an exact include names the default; a covering include must not leak it
            return config.includePrefixes().contains(p) ? Reason.INCLUDED_PREFIX : Reason.DEFAULT_ROUTE;
        }
        Reason byPrefix = prefixOverride(p);
        if (byPrefix != null) {
            return byPrefix;
        }
        if (config.excludeInterfaces().contains(r.interfaceName())) {
            return Reason.EXCLUDED_INTERFACE;
        }
        if (config.includeInterfaces().contains(r.interfaceName())) {
            return Reason.INCLUDED_INTERFACE;
        }
        if (s instanceof NetworkStatement.Connected && config.uplinkGuard() && uplink.covers(r)) {
            return Reason.UPLINK_SUBNET;
        }
        return Reason.SELECTED;
    }

    /** Longest covering override prefix decides; exclude wins a tie; null when none covers. */
    private Reason prefixOverride(IpPrefix p) {
        int bestLen = -1;
        Reason best = null;
        for (IpPrefix x : config.excludePrefixes()) {
            if (x.contains(p) && x.length() > bestLen) {
                bestLen = x.length();
                best = Reason.EXCLUDED_PREFIX;
            }
        }
        for (IpPrefix i : config.includePrefixes()) {
            if (i.contains(p) && i.length() > bestLen) {
                bestLen = i.length();
                best = Reason.INCLUDED_PREFIX;
            }
        }
        return best;
    }

    private static Map<IpPrefix, List<NetworkStatement>> indexExplicit(OriginConfig config) {
        Map<IpPrefix, List<NetworkStatement>> m = new HashMap<>();
        for (NetworkStatement s : config.statements()) {
            if (s instanceof NetworkStatement.Prefix p) {
                m.computeIfAbsent(p.prefix(), k -> new ArrayList<>()).add(s);
            } else if (s instanceof NetworkStatement.PrefixSet set) {
                for (IpPrefix p : new TreeSet<>(set.prefixes())) {
                    m.computeIfAbsent(p, k -> new ArrayList<>()).add(s);
                }
            }
        }
        return m;
    }

    /** Logs each exclusion once, when it appears: the guard and overrides at info, the rest at debug. */
    private static void logNewExclusions(List<PreviewEntry> before, List<PreviewEntry> after) {
        for (PreviewEntry e : after) {
            if (e.included() || e.reason() == Reason.DUPLICATE || before.contains(e)) {
                continue;
            }
            String iface = e.systemRoute().map(SystemRoute::interfaceName).orElse("");
            if (e.reason() == Reason.UPLINK_SUBNET || e.reason() == Reason.EXCLUDED_INTERFACE
                    || e.reason() == Reason.EXCLUDED_PREFIX || e.reason() == Reason.DEFAULT_ROUTE) {
                log.info("not announcing {}{} ({}): {}", e.prefix(), iface.isEmpty() ? "" : " on " + iface,
                        e.statement(), e.reason().text());
            } else if (log.isDebugEnabled()) {
                log.debug("not announcing {}{} ({}): {}", e.prefix(), iface.isEmpty() ? "" : " on " + iface,
                        e.statement(), e.reason().text());
            }
        }
    }
}
