package io.jbgp.rib.fib;

import io.jbgp.core.types.Afi;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.origin.IpCommand;
import io.jbgp.rib.origin.KernelRoute;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FibSink} that programs the Linux kernel through one long-lived iproute2 process,
 * {@code ip [-n NS] -force -batch -} ({@link IpBatch}), so a route costs one line on a pipe, not
 * a fork.
 *
 * <h2>Whose routes</h2>
 * Ours are the routes of the configured table with {@code proto bgp} (configurable) <em>and</em>
 * our metric (20 by default, as FRR's zebra uses for BGP). Nothing else is ever changed:
 * deletes always name {@code proto} and {@code metric}, which the kernel matches, so a delete
 * can only remove our own route. {@link #resync} reads ours back with
 * {@code ip -j route show proto bgp} (both families).
 *
 * <h2>Why not blindly {@code route replace}</h2>
 * The kernel keys a route by (table, prefix, tos, metric); {@code replace} overwrites whatever
 * holds that key, whatever its {@code proto}: replacing 198.51.100.0/24 at metric 0 would clobber
 * a hand-added {@code proto static} route at metric 0. Two things prevent that. Our own metric
 * keeps our routes in a slot of their own: a hand-added route at the usual metric (0 for IPv4,
 * 1024 for IPv6) stays, and having the lower metric, it keeps forwarding. And a prefix is first
 * installed with {@code route add}, which fails with EEXIST instead of overwriting when someone
 * else holds our exact slot. Only once the kernel confirmed the add does an update use
 * {@code replace}; until then an update is a delete of our own route plus an add. A refused
 * prefix is "blocked", logged, and retried at the next {@link #resync}.
 *
 * <h2>Failures</h2>
 * When the {@code ip} process dies, its reader thread logs an error, starts a new one (bounded
 * back-off, bounded attempts) and resyncs it with the routes the RIB asked for. Writes to a dead
 * process are dropped; that resync puts them in.
 *
 * <p>Threading: the RIB thread calls the sink. The main lock serialises writers (the RIB thread
 * and a recovery); the small {@code state} monitor guards what we know of each prefix and is
 * never held during I/O, so the reader thread can always drain the pipe.
 */
public final class KernelFibSink implements FibSink {
    private static final Logger log = LoggerFactory.getLogger(KernelFibSink.class);
    private static final int MAX_RESTART_ATTEMPTS = 8;

    /**
     * How the sink talks to the kernel.
     *
     * @param ip       how to run {@code ip} (namespace, timeout)
     * @param protocol the route protocol that marks our routes ({@code bgp})
     * @param metric   the metric of our routes
     * @param table    the routing table ({@code main})
     */
    public record Config(IpCommand ip, String protocol, long metric, String table) {
        /**
         * Checks the metric fits 32 bits and the protocol and table are plain names (they go into
         * an {@code ip} command line).
         *
         * @param ip how to run {@code ip} (namespace, timeout)
         * @param protocol the route protocol that marks our routes ({@code bgp})
         * @param metric the metric of our routes
         * @param table the routing table ({@code main})
         */
        public Config {
            Objects.requireNonNull(ip, "ip");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(table, "table");
            if (metric < 0 || metric > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("metric out of range: " + metric);
            }
            if (!protocol.matches("[A-Za-z0-9_]+") || !table.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("bad protocol or table name");
            }
        }

        /**
         * {@code proto bgp metric 20 table main} in the caller's namespace.
         *
         * @return the default configuration
         */
        public static Config defaults() {
            return new Config(IpCommand.host(), "bgp", 20, "main");
        }

        /**
         * The defaults inside a named network namespace.
         *
         * @param namespace the name of an existing network namespace
         * @return the configuration
         */
        public static Config inNamespace(String namespace) {
            return new Config(IpCommand.inNamespace(namespace), "bgp", 20, "main");
        }

        /**
         * @param m the route metric, 0..2³²−1
         * @return a copy with that metric
         */
        public Config withMetric(long m) {
            return new Config(ip, protocol, m, table);
        }
    }

    /** What we know about the kernel's slot for one prefix. */
    enum Status {
        /** {@code route add} written, answer not yet seen. */
        PENDING,
        /** The kernel holds our route for this prefix. */
        CONFIRMED,
        /** A route we did not install holds our slot; left alone until the next resync. */
        BLOCKED,
        /** The kernel refused the route for another reason (e.g. an unreachable gateway). */
        FAILED
    }

    private enum OpKind { ADD, REPLACE, DEL }

    /** The tag of one written line; a slot waits for the answer to its latest op (by identity). */
    private static final class Op {
        final OpKind kind;
        final IpPrefix prefix;

        Op(OpKind kind, IpPrefix prefix) {
            this.kind = kind;
            this.prefix = prefix;
        }
    }

    private static final class Slot {
        final Status status;
        final Op op;

        Slot(Status status, Op op) {
            this.status = status;
            this.op = op;
        }
    }

    private final Config config;
    private final IpBatch.Events events = new Answers();
    private final ReentrantLock lock = new ReentrantLock();
    /** What the RIB asked for: what a resync restores. Guarded by {@code lock}. */
    private final Map<IpPrefix, FibRoute> desired = new HashMap<>();
    private IpBatch batch;
    private boolean inBatch;
    private boolean closing;

    /** What we know of the kernel, per prefix; guarded by itself. */
    private final Map<IpPrefix, Slot> state = new HashMap<>();
    private long restarts;

    /**
     * Starts the {@code ip -batch} process and adopts the routes of ours an earlier run left in
     * the kernel (updates replace them in place; {@link #resync} or {@code close(true)} removes
     * those nobody wants). Call {@link #resync} at start to remove stale ones at once.
     *
     * @param config the {@code ip} command, protocol, metric and table to use
     */
    public KernelFibSink(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        Map<IpPrefix, KernelRoute> left = listOurs();
        synchronized (state) {
            left.keySet().forEach(p -> state.put(p, new Slot(Status.CONFIRMED, null)));
        }
        if (!left.isEmpty()) {
            log.info("fib: {} routes of ours from an earlier run are in the kernel; kept until resync", left.size());
        }
        this.batch = IpBatch.start(config.ip(), events);
    }

    @Override
    public void begin() {
        lock.lock();
        try {
            inBatch = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void install(FibRoute route) {
        lock.lock();
        try {
            desired.put(route.prefix(), route);
            IpPrefix p = route.prefix();
            if (!hasSaneInterfaceNames(route)) {
                // a name with blanks would split the batch line: never send it
                log.warn("fib: not installing {}: bad interface name in {}", p, route.nextHops());
                synchronized (state) {
                    state.put(p, new Slot(Status.FAILED, null));
                }
                return;
            }
            Slot s = slot(p);
            if (s != null && s.status == Status.CONFIRMED) {
                write(OpKind.REPLACE, p, "route replace " + routeSpec(route), Status.CONFIRMED);
            } else if (s != null && (s.status == Status.PENDING || s.status == Status.FAILED)) {
                // ours may or may not be there: delete ours (never anyone else's), then add
                write(OpKind.DEL, p, deleteLine(p), null);
                write(OpKind.ADD, p, "route add " + routeSpec(route), Status.PENDING);
            } else {
                write(OpKind.ADD, p, "route add " + routeSpec(route), Status.PENDING);
            }
            endUnlessBatched();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void withdraw(IpPrefix prefix) {
        lock.lock();
        try {
            desired.remove(prefix);
            Slot s;
            synchronized (state) {
                s = state.remove(prefix);
            }
            if (s != null && s.status != Status.BLOCKED) {
                write(OpKind.DEL, prefix, deleteLine(prefix), null); // names proto+metric: only ours goes
            }
            endUnlessBatched();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void commit() {
        lock.lock();
        try {
            inBatch = false;
            batch.barrier();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reconciles the kernel with {@code routes}: lists our routes ({@code ip -j route show proto
     * bgp}, both families, our metric), removes those not wanted, replaces those that differ, adds
     * the missing ones, and waits (bounded) for the kernel to confirm.
     */
    @Override
    public void resync(Collection<FibRoute> routes) {
        lock.lock();
        try {
            desired.clear();
            routes.forEach(r -> desired.put(r.prefix(), r));
            reconcile();
        } finally {
            lock.unlock();
        }
    }

    /** Removes our routes if asked (bgpd -d stop: only ours), then ends the {@code ip} process. */
    @Override
    public void close(boolean removeRoutes) {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            if (removeRoutes) {
                desired.clear();
                try {
                    reconcile(); // deletes everything of ours the kernel still has
                } catch (RuntimeException e) {
                    log.error("fib: could not remove our routes on close: {}", e.getMessage());
                }
            }
            closing = true;
            batch.close(config.ip().timeout());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the kernel has processed every line written so far; false on timeout or death.
     *
     * @param timeout the longest wait
     * @return true when the kernel caught up in time
     */
    public boolean awaitSync(Duration timeout) {
        IpBatch b;
        long target;
        lock.lock(); // the barrier is a write: writers take turns
        try {
            b = batch;
            target = b.barrier();
        } finally {
            lock.unlock();
        }
        return b.await(target, timeout); // waiting needs no lock
    }

    /**
     * Prefixes whose slot another route holds: we did not install them.
     *
     * @return an immutable copy of the blocked prefixes
     */
    public Set<IpPrefix> blocked() {
        return withStatus(Status.BLOCKED);
    }

    /**
     * Prefixes the kernel refused for another reason (e.g. an unreachable gateway).
     *
     * @return an immutable copy of the failed prefixes
     */
    public Set<IpPrefix> failed() {
        return withStatus(Status.FAILED);
    }

    /** {@return how many times the {@code ip} process was restarted (and resynced) after dying} */
    public long restarts() {
        synchronized (state) {
            return restarts;
        }
    }

    /**
     * Waits until at least {@code n} restarts completed.
     *
     * @param n the number of helper process restarts to wait for
     * @param timeout the longest wait
     * @return true when {@code n} restarts completed in time
     */
    public boolean awaitRestarts(long n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (state) {
            while (restarts < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                waitOnState(left);
            }
            return true;
        }
    }

    /** The pid of the current {@code ip} process (diagnostics and tests). */
    long processPid() {
        lock.lock();
        try {
            return batch.pid();
        } finally {
            lock.unlock();
        }
    }

    // ---- writing -------------------------------------------------------------------------

    /** Records the slot's new state, then writes the line (its answer may come at once). */
    private void write(OpKind kind, IpPrefix p, String text, Status status) {
        Op op = new Op(kind, p);
        if (status != null) {
            synchronized (state) {
                state.put(p, new Slot(status, op));
            }
        }
        batch.write(text, op);
    }

    private void endUnlessBatched() {
        if (!inBatch) {
            batch.flush();
        }
    }

    /** {@code PREFIX proto P metric M table T via GW [dev IF]} or multipath {@code nexthop} list. */
    private String routeSpec(FibRoute r) {
        StringBuilder b = new StringBuilder();
        b.append(r.prefix()).append(" proto ").append(config.protocol()).append(" metric ")
                .append(config.metric()).append(" table ").append(config.table());
        boolean v4 = r.prefix().afi() == Afi.IPV4;
        if (r.nextHops().size() == 1) {
            appendHop(b, r.nextHops().get(0), v4);
        } else {
            for (FibRoute.NextHop h : r.nextHops()) {
                b.append(" nexthop"); // ECMP: one nexthop clause per path
                appendHop(b, h, v4);
            }
        }
        return b.toString();
    }

    private static void appendHop(StringBuilder b, FibRoute.NextHop h, boolean v4Prefix) {
        InetAddress g = h.gateway();
        b.append(" via ");
        if (v4Prefix && !(g instanceof Inet4Address)) {
            b.append("inet6 "); // RFC 8950: an IPv4 prefix over an IPv6 next hop
        }
        b.append(g.getHostAddress());
        if (!h.interfaceName().isEmpty()) {
            b.append(" dev ").append(h.interfaceName());
        }
    }

    /** Linux interface names: 1 to 15 characters, no blank and no '/'. */
    private static boolean hasSaneInterfaceNames(FibRoute r) {
        for (FibRoute.NextHop h : r.nextHops()) {
            String n = h.interfaceName();
            if (!n.isEmpty() && !n.matches("[^\\s/]{1,15}")) {
                return false;
            }
        }
        return true;
    }

    private String deleteLine(IpPrefix p) {
        return "route del " + p + " proto " + config.protocol() + " metric " + config.metric() + " table "
                + config.table();
    }

    // ---- reconciliation ------------------------------------------------------------------

    /** Brings the kernel to {@code desired}; caller holds the lock. */
    private void reconcile() {
        batch.sync(config.ip().timeout()); // earlier lines settle, so the listing shows them
        Map<IpPrefix, KernelRoute> ours = listOurs();
        synchronized (state) {
            state.clear(); // blocked and failed prefixes get another try
        }
        int added = 0;
        int removed = 0;
        int replaced = 0;
        for (KernelRoute k : ours.values()) {
            if (!desired.containsKey(k.prefix())) {
                write(OpKind.DEL, k.prefix(), deleteLine(k.prefix()), null);
                removed++;
            }
        }
        for (FibRoute r : desired.values()) {
            KernelRoute k = ours.get(r.prefix());
            if (!hasSaneInterfaceNames(r)) {
                log.warn("fib: not installing {}: bad interface name in {}", r.prefix(), r.nextHops());
                synchronized (state) {
                    state.put(r.prefix(), new Slot(Status.FAILED, null));
                }
            } else if (k == null) {
                write(OpKind.ADD, r.prefix(), "route add " + routeSpec(r), Status.PENDING);
                added++;
            } else if (!sameHops(r, k)) {
                // the listing proved the slot ours: replacing it clobbers nobody
                write(OpKind.REPLACE, r.prefix(), "route replace " + routeSpec(r), Status.CONFIRMED);
                replaced++;
            } else {
                synchronized (state) {
                    state.put(r.prefix(), new Slot(Status.CONFIRMED, null));
                }
            }
        }
        boolean done = batch.sync(config.ip().timeout());
        log.info("fib resync: {} ours in the kernel, {} added, {} replaced, {} removed{}", ours.size(), added,
                replaced, removed, done ? "" : " (not confirmed in time)");
    }

    /** Our routes in the kernel now: {@code ip -j route show proto P table T}, our metric only. */
    private Map<IpPrefix, KernelRoute> listOurs() {
        Map<IpPrefix, KernelRoute> ours = new HashMap<>();
        for (Afi afi : List.of(Afi.IPV4, Afi.IPV6)) {
            String json = config.ip().run("-j", afi == Afi.IPV4 ? "-4" : "-6", "route", "show", "proto",
                    config.protocol(), "table", config.table());
            for (KernelRoute k : KernelRoute.parse(json, afi)) {
                if (k.metric() == config.metric()) {
                    ours.put(k.prefix(), k);
                }
            }
        }
        return ours;
    }

    private static boolean sameHops(FibRoute r, KernelRoute k) {
        if (r.nextHops().size() != k.nextHops().size()) {
            return false;
        }
        Set<String> want = new HashSet<>();
        for (FibRoute.NextHop h : r.nextHops()) {
            want.add(h.gateway().getHostAddress() + "%" + h.interfaceName());
        }
        for (KernelRoute.Hop h : k.nextHops()) {
            String gw = h.gateway().map(InetAddress::getHostAddress).orElse("");
            // a next hop with no interface named matches the kernel's on any interface
            if (!want.contains(gw + "%" + h.device()) && !want.contains(gw + "%")) {
                return false;
            }
        }
        return true;
    }

    private Slot slot(IpPrefix p) {
        synchronized (state) {
            return state.get(p);
        }
    }

    private Set<IpPrefix> withStatus(Status st) {
        Set<IpPrefix> out = new HashSet<>();
        synchronized (state) {
            state.forEach((p, s) -> {
                if (s.status == st) {
                    out.add(p);
                }
            });
        }
        return out;
    }

    private void waitOnState(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(state, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- answers from the ip process (its reader thread) ---------------------------------

    private final class Answers implements IpBatch.Events {
        @Override
        public void confirmed(List<Object> tags) {
            synchronized (state) {
                for (Object t : tags) {
                    Op op = (Op) t;
                    Slot s = state.get(op.prefix);
                    if (s != null && s.op == op && s.status == Status.PENDING) {
                        state.put(op.prefix, new Slot(Status.CONFIRMED, op));
                    }
                }
            }
        }

        @Override
        public void failed(Object tag, String error) {
            Op op = (Op) tag;
            if (op.kind == OpKind.DEL) {
                log.debug("fib: delete of {} failed ({}): not there", op.prefix, error);
                return;
            }
            synchronized (state) {
                Slot s = state.get(op.prefix);
                if (s == null || s.op != op) {
                    return; // superseded meanwhile
                }
                if (op.kind == OpKind.ADD && error.contains("File exists")) {
                    state.put(op.prefix, new Slot(Status.BLOCKED, op));
                    log.warn("fib: not installing {}: a route we did not install holds it (table {}, metric {}); "
                            + "left alone", op.prefix, config.table(), config.metric());
                } else {
                    state.put(op.prefix, new Slot(Status.FAILED, op));
                    log.warn("fib: kernel refused {} {}: {}", op.kind.name().toLowerCase(Locale.ROOT), op.prefix,
                            error);
                }
            }
        }

        @Override
        public void exited(IpBatch dead, int exitCode) {
            recover(dead, exitCode);
        }
    }

    /** Runs on the dead process's reader thread: start a new process and resync it. */
    private void recover(IpBatch dead, int exitCode) {
        lock.lock();
        try {
            if (closing || dead != batch) {
                return;
            }
            log.error("fib: ip -batch (pid {}) exited with {}; restarting it and resyncing {} routes", dead.pid(),
                    exitCode, desired.size());
            for (int attempt = 1; attempt <= MAX_RESTART_ATTEMPTS && !closing; attempt++) {
                try {
                    batch = IpBatch.start(config.ip(), events);
                    reconcile();
                    synchronized (state) {
                        restarts++;
                        state.notifyAll();
                    }
                    return;
                } catch (RuntimeException e) {
                    log.error("fib: restart attempt {} failed: {}", attempt, e.getMessage());
                    synchronized (state) {
                        waitOnState(TimeUnit.MILLISECONDS.toNanos(Math.min(5000L, 100L << attempt)));
                    }
                }
            }
            log.error("fib: giving up on the ip process; the kernel is not being updated");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "KernelFibSink[" + config.ip().namespace().map(ns -> "netns " + ns + ", ").orElse("") + "proto "
                + config.protocol() + " metric " + config.metric() + " table " + config.table() + "]";
    }
}
