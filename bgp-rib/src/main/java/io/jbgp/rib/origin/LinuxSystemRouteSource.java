package io.jbgp.rib.origin;

import io.jbgp.core.types.Afi;
import io.jbgp.core.types.IpPrefix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's routes as the Linux kernel has them, read with iproute2 (optionally inside a named
 * network namespace, {@code ip -n NS}).
 *
 * <ul>
 *   <li>Connected subnets: every address of every administratively up interface
 *       ({@code ip -j addr show}), as its subnet, {@link SystemRoute.Kind#CONNECTED}; addresses
 *       flagged {@code noprefixroute} or {@code dadfailed} have no subnet route and are skipped.</li>
 *   <li>Other routes of the table ({@code ip -j -4|-6 route show table main}): {@code proto
 *       static} and {@code boot} (what {@code ip route add} makes) are
 *       {@link SystemRoute.Kind#STATIC}; our own protocol ({@code bgp}) is
 *       {@link SystemRoute.Kind#OWN}; others (dhcp, ra, other daemons) are
 *       {@link SystemRoute.Kind#DYNAMIC}. They all count for finding the uplink: the default route
 *       is often {@code proto dhcp} or {@code ra}. Kernel subnet routes are skipped: the addresses
 *       already gave them. The label is the protocol name, the priority the metric.</li>
 * </ul>
 *
 * <p>Following changes: a daemon thread re-reads the tables every {@code pollInterval} and
 * reports the difference; with {@code followMonitor}, a {@code ip monitor route address link}
 * process (plain text: older iproute2 cannot print it as JSON) wakes it as soon as anything
 * changes, so the interval is only the fallback; lines about our own protocol's routes (the FIB
 * sink at work) do not wake it, and a burst of changes costs one read per 100 ms. Listeners run on
 * that thread; the RIB re-posts to its executor.
 *
 * <p>Cost: every read lists the whole table (iproute2 cannot filter a protocol out), so with a
 * large BGP table installed in the same table by the kernel sink, keep the poll interval long.
 */
public final class LinuxSystemRouteSource implements SystemRouteSource {
    private static final Logger log = LoggerFactory.getLogger(LinuxSystemRouteSource.class);
    private static final Duration MIN_POLL = Duration.ofMillis(50);
    /** When the first read after subscribing happens, if the monitor is used. */
    private static final Duration STARTUP_RECHECK = Duration.ofMillis(500);
    /** The shortest time between two reads woken by {@code ip monitor}. */
    private static final Duration MIN_GAP = Duration.ofMillis(100);

    /**
     * How to read the kernel.
     *
     * @param ip            how to run {@code ip} (namespace, timeout per command)
     * @param pollInterval  the longest time between two reads (at least 50 ms)
     * @param followMonitor wake up on {@code ip monitor} output instead of waiting for the interval
     * @param ownProtocol   the protocol our FIB sink installs with ({@code bgp}): those are OWN
     * @param table         the routing table to read ({@code main})
     */
    public record Config(IpCommand ip, Duration pollInterval, boolean followMonitor, String ownProtocol,
                         String table) {
        /**
         * Rejects null parts and poll intervals below 50 ms.
         *
         * @param ip how to run {@code ip} (namespace, timeout per command)
         * @param pollInterval the longest time between two reads (at least 50 ms)
         * @param followMonitor wake up on {@code ip monitor} output instead of waiting for the
         *     interval
         * @param ownProtocol the protocol our FIB sink installs with ({@code bgp}): those are OWN
         * @param table the routing table to read ({@code main})
         */
        public Config {
            Objects.requireNonNull(ip, "ip");
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(ownProtocol, "ownProtocol");
            Objects.requireNonNull(table, "table");
            if (pollInterval.compareTo(MIN_POLL) < 0) {
                throw new IllegalArgumentException("poll interval below " + MIN_POLL + ": " + pollInterval);
            }
        }

        /** {@return the caller's namespace, polling every 5 s, woken by {@code ip monitor}} */
        public static Config defaults() {
            return new Config(IpCommand.host(), Duration.ofSeconds(5), true, "bgp", "main");
        }

        /**
         * The defaults inside a named network namespace.
         *
         * @param namespace the name of an existing network namespace
         * @return the configuration
         */
        public static Config inNamespace(String namespace) {
            return new Config(IpCommand.inNamespace(namespace), Duration.ofSeconds(5), true, "bgp", "main");
        }

        /**
         * @param d the longest time between two reads, at least 50 ms
         * @return a copy with that interval
         */
        public Config withPollInterval(Duration d) {
            return new Config(ip, d, followMonitor, ownProtocol, table);
        }
    }

    private final Config config;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    /** The state last reported to listeners; guarded by lock. */
    private Set<SystemRoute> known;
    private Thread poller;
    private Process monitor;
    private boolean wake;
    private boolean closed;

    /**
     * A source that has not started reading yet; it reads on {@link #snapshot()} and polls once
     * subscribed.
     *
     * @param config how to run {@code ip} and how often to poll
     */
    public LinuxSystemRouteSource(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The routes now. While listeners are subscribed this is the state last reported to them, so
     * a subscriber that takes a snapshot after subscribing sees a consistent starting point.
     */
    @Override
    public List<SystemRoute> snapshot() {
        synchronized (lock) {
            if (known != null) {
                return List.copyOf(known);
            }
        }
        return read();
    }

    /** Subscribes and, on the first subscriber, starts following the kernel. */
    @Override
    public void subscribe(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        synchronized (lock) {
            if (poller != null || closed) {
                return;
            }
            known = new LinkedHashSet<>(read());
            poller = new Thread(this::pollLoop, "system-routes" + config.ip().namespace().map(n -> "-" + n)
                    .orElse(""));
            poller.setDaemon(true);
            poller.start();
            if (config.followMonitor()) {
                startMonitor();
            }
        }
    }

    /**
     * Interfaces holding a default route, from a fresh read (what the WAN-leak guard keys on).
     *
     * @return the interface names, possibly empty
     */
    public Set<String> defaultRouteInterfaces() {
        Set<String> out = new TreeSet<>();
        for (SystemRoute r : read()) {
            if (r.isDefault() && r.kind() != SystemRoute.Kind.OWN && !r.interfaceName().isEmpty()) {
                out.add(r.interfaceName());
            }
        }
        return out;
    }

    /** Asks the poller to read now rather than at the end of the interval. */
    public void pollNow() {
        synchronized (lock) {
            wake = true;
            lock.notifyAll();
        }
    }

    /** Stops following the kernel: ends the monitor process and waits (bounded) for the poller. */
    @Override
    public void close() {
        Process m;
        Thread t;
        synchronized (lock) {
            closed = true;
            m = monitor;
            t = poller;
            lock.notifyAll();
        }
        if (m != null) {
            m.destroy(); // the process we started, by its handle
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(config.ip().timeout().toMillis() * 3 + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * Reads the kernel's routes now (blocking, bounded by the command timeout).
     *
     * @return every host route, our own marked {@link SystemRoute.Kind#OWN}
     */
    public List<SystemRoute> read() {
        String addr = config.ip().run("-j", "addr", "show");
        String v4 = config.ip().run("-j", "-4", "route", "show", "table", config.table());
        String v6 = config.ip().run("-j", "-6", "route", "show", "table", config.table());
        return parse(addr, v4, v6, config.ownProtocol());
    }

    /**
     * Turns {@code ip -j addr show} and the two route listings into host routes.
     *
     * @param addrJson output of {@code ip -j addr show}
     * @param routeV4Json output of {@code ip -j -4 route show}
     * @param routeV6Json output of {@code ip -j -6 route show}
     * @param ownProtocol the protocol name of routes we installed
     * @return the host routes
     */
    public static List<SystemRoute> parse(String addrJson, String routeV4Json, String routeV6Json,
                                          String ownProtocol) {
        Set<SystemRoute> out = new LinkedHashSet<>();
        for (Object o : JsonText.parseArray(addrJson)) {
            if (o instanceof Map<?, ?> link) {
                connected(link, out);
            }
        }
        for (KernelRoute k : KernelRoute.parse(routeV4Json, Afi.IPV4)) {
            routes(k, ownProtocol, out);
        }
        for (KernelRoute k : KernelRoute.parse(routeV6Json, Afi.IPV6)) {
            routes(k, ownProtocol, out);
        }
        return List.copyOf(out);
    }

    private static void connected(Map<?, ?> link, Set<SystemRoute> out) {
        String name = String.valueOf(link.get("ifname"));
        int index = link.get("ifindex") instanceof Number n ? n.intValue() : 0;
        if (!(link.get("flags") instanceof List<?> flags) || !flags.contains("UP")) {
            return; // an interface that is down has no connected routes
        }
        if (!(link.get("addr_info") instanceof List<?> addrs)) {
            return;
        }
        for (Object a : addrs) {
            if (!(a instanceof Map<?, ?> m) || !(m.get("local") instanceof String local)
                    || !(m.get("prefixlen") instanceof Number len)) {
                continue;
            }
            if (Boolean.TRUE.equals(m.get("noprefixroute")) || Boolean.TRUE.equals(m.get("dadfailed"))) {
                continue;
            }
            // point-to-point: the subnet is the peer's, not ours
            String base = m.get("address") instanceof String peer ? peer : local;
            IpPrefix p = IpPrefix.parse(base + "/" + len.intValue(), true);
            out.add(new SystemRoute(p, Optional.empty(), SystemRoute.Kind.CONNECTED, name, index, 0, "kernel"));
        }
    }

    private static void routes(KernelRoute k, String ownProtocol, Set<SystemRoute> out) {
        String type = k.type();
        if (!type.equals("unicast") && !type.equals("blackhole") && !type.equals("unreachable")
                && !type.equals("prohibit")) {
            return; // local, broadcast, multicast, anycast: not routes to announce or resolve through
        }
        boolean hasGateway = k.nextHops().stream().anyMatch(h -> h.gateway().isPresent());
        if (k.protocol().equals("kernel") && !hasGateway) {
            return; // an interface subnet: the address listing already gave it
        }
        SystemRoute.Kind kind;
        if (k.protocol().equals(ownProtocol)) {
            kind = SystemRoute.Kind.OWN;
        } else if (k.protocol().equals("static") || k.protocol().equals("boot")) {
            kind = SystemRoute.Kind.STATIC;
        } else {
            kind = SystemRoute.Kind.DYNAMIC;
        }
        int priority = (int) Math.min(Integer.MAX_VALUE, k.metric());
        if (k.nextHops().isEmpty()) {
            out.add(new SystemRoute(k.prefix(), Optional.empty(), kind, "", 0, priority, k.protocol()));
        }
        for (KernelRoute.Hop h : k.nextHops()) {
            out.add(new SystemRoute(k.prefix(), h.gateway(), kind, h.device(), 0, priority, k.protocol()));
        }
    }

    // ---- following changes ---------------------------------------------------------------

    private void pollLoop() {
        boolean failing = false;
        // the monitor needs a moment to listen: one early read covers changes made meanwhile
        Duration wait = config.followMonitor() && config.pollInterval().compareTo(STARTUP_RECHECK) > 0
                ? STARTUP_RECHECK : config.pollInterval();
        while (true) {
            synchronized (lock) {
                long deadline = System.nanoTime() + wait.toNanos();
                wait = config.pollInterval();
                while (!wake && !closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                wake = false;
            }
            // a burst of monitor lines costs one read per MIN_GAP, not one per line
            settle();
            try {
                List<SystemRoute> now = read();
                if (isClosed()) {
                    return; // nobody should hear about routes after close
                }
                publish(now);
                if (failing) {
                    log.info("system routes: reading the kernel works again");
                }
                failing = false;
            } catch (RuntimeException e) {
                if (isClosed()) {
                    return;
                }
                if (!failing) {
                    log.warn("system routes: cannot read the kernel, keeping the last state: {}", e.getMessage());
                }
                failing = true;
            }
        }
    }

    /**
     * True for an {@code ip monitor} line that must not wake the poller: a route of our own
     * protocol (the FIB sink's own work must not make us re-read the tables once per installed
     * route), or a continuation line.
     */
    static boolean isOwnRouteEvent(String line, String ownProtocol) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
            return true; // a continuation (multipath nexthop, address lifetimes): its head line counted
        }
        String t = line.trim();
        return t.endsWith(" proto " + ownProtocol) || t.contains(" proto " + ownProtocol + " ");
    }

    private void settle() {
        synchronized (lock) {
            long deadline = System.nanoTime() + MIN_GAP.toNanos();
            while (!closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Reports the difference to the last known state: removals first, then additions. */
    private void publish(List<SystemRoute> now) {
        List<SystemRoute> removed = new ArrayList<>();
        List<SystemRoute> added = new ArrayList<>();
        synchronized (lock) {
            Set<SystemRoute> next = new LinkedHashSet<>(now);
            for (SystemRoute r : known) {
                if (!next.contains(r)) {
                    removed.add(r);
                }
            }
            for (SystemRoute r : next) {
                if (!known.contains(r)) {
                    added.add(r);
                }
            }
            known = next;
        }
        for (SystemRoute r : removed) {
            report(r, false);
        }
        for (SystemRoute r : added) {
            report(r, true);
        }
    }

    private void report(SystemRoute r, boolean added) {
        for (Listener l : listeners) {
            try {
                if (added) {
                    l.added(r);
                } else {
                    l.removed(r);
                }
            } catch (RuntimeException e) {
                log.error("system routes: listener failed on {}: {}", r.prefix(), e.toString());
            }
        }
    }

    /** Starts {@code ip monitor}; each line it prints wakes the poller. Caller holds lock. */
    private void startMonitor() {
        List<String> argv = config.ip().argv("monitor", "route", "address", "link");
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            monitor = p;
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (!isOwnRouteEvent(line, config.ownProtocol())) {
                            pollNow();
                        }
                    }
                } catch (IOException e) {
                    // the monitor ended; polling goes on
                }
                synchronized (lock) {
                    if (!closed) {
                        log.warn("system routes: ip monitor ended; following changes by polling only");
                    }
                }
            }, "system-routes-monitor");
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            log.warn("system routes: cannot start {}; polling only: {}", String.join(" ", argv), e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "LinuxSystemRouteSource[" + config.ip().namespace().map(n -> "netns " + n).orElse("host") + "]";
    }
}
