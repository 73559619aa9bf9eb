package io.jbgp.rib.fib;

import io.jbgp.core.types.Afi;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.origin.IpCommand;
import io.jbgp.rib.origin.KernelRoute;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FibSink} that programs the Linux kernel through one long-lived iproute2 process,
 * {@code ip [-n NS] -force -batch -}, so a route costs one line on a pipe, not a fork.
 *
 * <h2>Whose routes</h2>
 * Ours are the routes of the configured table with {@code proto bgp} (configurable) <em>and</em>
 * our metric (20 by default, as FRR's zebra uses for BGP). Nothing else is ever changed:
 * deletes always name {@code proto} and {@code metric}, which the kernel matches, so a delete
 * can only remove our own route.
 *
 * <h2>Why not blindly {@code route replace}</h2>
 * The kernel keys a route by (table, prefix, tos, metric); {@code replace} overwrites whatever
 * holds that key, whatever its {@code proto}: replacing 198.51.100.0/24 at metric 0 would clobber
 * a hand-added {@code proto static} route at metric 0. Two things prevent that: our own metric
 * keeps our routes in a slot of their own (a hand-added route at the usual metric 0 for IPv4 or
 * 1024 for IPv6 stays and, having the lower metric, still forwards); and a prefix is first
 * installed with {@code route add}, which fails with EEXIST instead of overwriting when someone
 * else holds our slot. Only once the kernel confirmed the add ({@link #awaitSync} barrier) does an
 * update use {@code replace}; until then an update is a delete of our own route plus an add. A
 * refused prefix is "blocked", logged, and retried at the next {@link #resync}.
 *
 * <h2>Confirmations</h2>
 * Standard output and error of {@code ip} are one pipe, so their order is the command order.
 * {@code -force} keeps the batch going after a failing line and prints
 * {@code Command failed -:N}, which maps back to the command we wrote as line N. After each batch
 * a barrier command ({@code link show dev lo}, whose output we recognise) confirms every earlier
 * line that did not fail.
 *
 * <h2>Failures</h2>
 * When the {@code ip} process dies, the reader thread logs an error, starts a new one (bounded
 * back-off, bounded attempts) and resyncs it with the routes the RIB asked for. Writes to a dead
 * process are dropped; the resync puts them in.
 *
 * <p>Threading: the RIB thread calls the sink; one daemon reader thread per {@code ip} process.
 * The main lock serialises writers (RIB thread, recovery); the small {@code acks} monitor guards
 * the confirmation state and is never held during I/O, so the reader can always drain the pipe.
 */
public final class KernelFibSink implements FibSink {
    private static final Logger log = LoggerFactory.getLogger(KernelFibSink.class);
    private static final Pattern FAILED_LINE = Pattern.compile("^Command failed -:(\\d+)\\s*$");
    private static final Pattern BARRIER_OUTPUT = Pattern.compile("^\\d+: lo: .*");
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

        /** {@code proto bgp metric 20 table main} in the caller's namespace. */
        public static Config defaults() {
            return new Config(IpCommand.host(), "bgp", 20, "main");
        }

        /** The defaults inside a named network namespace. */
        public static Config inNamespace(String namespace) {
            return new Config(IpCommand.inNamespace(namespace), "bgp", 20, "main");
        }

        public Config withMetric(long m) {
            return new Config(ip, protocol, m, table);
        }
    }

    /** What we know about the kernel's slot for one prefix. */
    enum Status {
        /** {@code route add} written, result unknown. */
        PENDING,
        /** The kernel holds our route for this prefix. */
        CONFIRMED,
        /** A route we did not install holds our slot; left alone until the next resync. */
        BLOCKED,
        /** The kernel refused the route for another reason (e.g. unreachable gateway). */
        FAILED
    }

    private static final class Slot {
        FibRoute route;
        Status status;
        long line;

        Slot(FibRoute route, Status status, long line) {
            this.route = route;
            this.status = status;
            this.line = line;
        }
    }

    private enum OpKind { ADD, REPLACE, DEL }

    private record Op(OpKind kind, IpPrefix prefix) {
    }

    private final Config config;
    private final ReentrantLock lock = new ReentrantLock();
    /** What the RIB asked for; the truth a resync restores. Guarded by {@code lock}. */
    private final Map<IpPrefix, FibRoute> desired = new HashMap<>();
    private Process process;
    private Writer stdin;
    private boolean inBatch;
    private boolean closing;

    /** Confirmation state, guarded by itself. */
    private final Object acks = new Object();
    private final Map<IpPrefix, Slot> slots = new HashMap<>();
    private final TreeMap<Long, Op> unconfirmed = new TreeMap<>();
    private final ArrayDeque<Long> barriers = new ArrayDeque<>();
    private long linesWritten;
    private long barriersAcked;
    private long restarts;
    private String lastError = "";

    /** Starts the {@code ip -batch} process; call {@link #resync} before relying on the table. */
    public KernelFibSink(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        lock.lock();
        try {
            startProcess();
        } finally {
            lock.unlock();
        }
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
            writeInstall(route);
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
            synchronized (acks) {
                s = slots.remove(prefix);
            }
            if (s != null && s.status != Status.BLOCKED) {
                write(OpKind.DEL, prefix, deleteLine(prefix)); // names proto+metric: only ours goes
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
            writeBarrier();
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
            Process p = process;
            try {
                if (stdin != null) {
                    stdin.close();
                }
            } catch (IOException e) {
                // already gone
            }
            try {
                if (!p.waitFor(config.ip().timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes a barrier and waits until the kernel has processed every line written so far.
     * Returns false on timeout or when the process died meanwhile.
     */
    public boolean awaitSync(Duration timeout) {
        long target;
        lock.lock();
        try {
            writeBarrier();
            synchronized (acks) {
                target = barriersAcked + barriers.size();
            }
        } finally {
            lock.unlock();
        }
        return awaitBarriers(target, timeout);
    }

    /** Prefixes whose slot another route holds: we did not install them. */
    public Set<IpPrefix> blocked() {
        return withStatus(Status.BLOCKED);
    }

    /** Prefixes the kernel refused for another reason (e.g. an unreachable gateway). */
    public Set<IpPrefix> failed() {
        return withStatus(Status.FAILED);
    }

    /** How many times the {@code ip} process was restarted after dying. */
    public long restarts() {
        synchronized (acks) {
            return restarts;
        }
    }

    /** Waits until at least {@code n} restarts completed (restart plus resync). */
    public boolean awaitRestarts(long n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (acks) {
            while (restarts < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                waitOn(left);
            }
            return true;
        }
    }

    /** The pid of the current {@code ip} process (for diagnostics and tests). */
    long processPid() {
        lock.lock();
        try {
            return process.pid();
        } finally {
            lock.unlock();
        }
    }

    /** The last error line {@code ip} printed, "" if none. */
    public String lastError() {
        synchronized (acks) {
            return lastError;
        }
    }

    // ---- writing -------------------------------------------------------------------------

    private void writeInstall(FibRoute route) {
        IpPrefix p = route.prefix();
        Slot s;
        synchronized (acks) {
            s = slots.get(p);
        }
        if (s != null && s.status == Status.CONFIRMED) {
            long line = write(OpKind.REPLACE, p, "route replace " + routeSpec(route));
            setSlot(p, route, Status.CONFIRMED, line);
        } else if (s != null && (s.status == Status.PENDING || s.status == Status.FAILED)) {
            // maybe ours is there, maybe not: delete ours (never anyone else's), then add
            write(OpKind.DEL, p, deleteLine(p));
            long line = write(OpKind.ADD, p, "route add " + routeSpec(route));
            setSlot(p, route, Status.PENDING, line);
        } else {
            long line = write(OpKind.ADD, p, "route add " + routeSpec(route));
            setSlot(p, route, Status.PENDING, line);
        }
    }

    private void setSlot(IpPrefix p, FibRoute route, Status status, long line) {
        synchronized (acks) {
            Slot s = slots.get(p);
            if (s == null) {
                slots.put(p, new Slot(route, status, line));
            } else {
                s.route = route;
                s.status = status;
                s.line = line;
            }
        }
    }

    /** {@code PREFIX proto P metric M table T via GW [dev IF]} or multipath {@code nexthop} list. */
    private String routeSpec(FibRoute r) {
        StringBuilder b = new StringBuilder();
        b.append(r.prefix()).append(" proto ").append(config.protocol()).append(" metric ").append(config.metric())
                .append(" table ").append(config.table());
        boolean v4 = r.prefix().afi() == Afi.IPV4;
        if (r.nextHops().size() == 1) {
            appendHop(b, r.nextHops().get(0), v4);
        } else {
            for (FibRoute.NextHop h : r.nextHops()) {
                b.append(" nexthop");
                appendHop(b, h, v4);
            }
        }
        return b.toString();
    }

    private static void appendHop(StringBuilder b, FibRoute.NextHop h, boolean v4Prefix) {
        InetAddress g = h.gateway();
        b.append(" via ");
        if (v4Prefix && !(g instanceof Inet4Address)) {
            b.append("inet6 "); // RFC 5549/8950: IPv4 prefix over an IPv6 next hop
        }
        b.append(g.getHostAddress());
        if (!h.interfaceName().isEmpty()) {
            b.append(" dev ").append(h.interfaceName());
        }
    }

    private String deleteLine(IpPrefix p) {
        return "route del " + p + " proto " + config.protocol() + " metric " + config.metric() + " table "
                + config.table();
    }

    private void endUnlessBatched() {
        if (!inBatch) {
            writeBarrier();
        }
    }

    private void writeBarrier() {
        if (write(null, null, "link show dev lo") > 0) {
            flush();
        }
    }

    /**
     * Writes one batch line ({@code kind} null for a barrier); returns its line number, or 0 when
     * the process is gone. The line is registered before it is written: its answer may come back
     * before this method returns.
     */
    private long write(OpKind kind, IpPrefix prefix, String text) {
        if (stdin == null) {
            return 0;
        }
        long line;
        synchronized (acks) {
            line = ++linesWritten;
            if (kind != null) {
                unconfirmed.put(line, new Op(kind, prefix));
            } else {
                barriers.addLast(line);
            }
        }
        try {
            stdin.write(text);
            stdin.write('\n');
            if (!inBatch) {
                stdin.flush();
            }
        } catch (IOException e) {
            // the reader sees the process end and recovers; the resync re-installs everything
            log.debug("fib: write to ip failed: {}", e.getMessage());
        }
        return line;
    }

    private void flush() {
        try {
            stdin.flush();
        } catch (IOException e) {
            log.debug("fib: flush to ip failed: {}", e.getMessage());
        }
    }

    // ---- reconciliation ------------------------------------------------------------------

    /** Brings the kernel to {@code desired}; caller holds the lock. */
    private void reconcile() {
        // let earlier lines settle so the listing shows their effect
        awaitBarriersLocked();
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
        synchronized (acks) {
            slots.clear();
            unconfirmed.clear();
        }
        int added = 0;
        int removed = 0;
        int replaced = 0;
        for (KernelRoute k : ours.values()) {
            if (!desired.containsKey(k.prefix())) {
                write(OpKind.DEL, k.prefix(), deleteLine(k.prefix()));
                removed++;
            }
        }
        for (FibRoute r : desired.values()) {
            KernelRoute k = ours.get(r.prefix());
            if (k == null) {
                long line = write(OpKind.ADD, r.prefix(), "route add " + routeSpec(r));
                setSlot(r.prefix(), r, Status.PENDING, line);
                added++;
            } else if (!sameHops(r, k)) {
                long line = write(OpKind.REPLACE, r.prefix(), "route replace " + routeSpec(r));
                setSlot(r.prefix(), r, Status.CONFIRMED, line);
                replaced++;
            } else {
                setSlot(r.prefix(), r, Status.CONFIRMED, 0);
            }
        }
        writeBarrier();
        boolean done = awaitBarriersLocked();
        log.info("fib resync: {} ours in the kernel, {} added, {} replaced, {} removed{}", ours.size(), added,
                replaced, removed, done ? "" : " (not confirmed in time)");
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
            if (!want.contains(gw + "%" + h.device()) && !want.contains(gw + "%")) {
                return false;
            }
        }
        return true;
    }

    private boolean awaitBarriersLocked() {
        long target;
        writeBarrier();
        synchronized (acks) {
            target = barriersAcked + barriers.size();
        }
        return awaitBarriers(target, config.ip().timeout());
    }

    private boolean awaitBarriers(long target, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (acks) {
            while (barriersAcked < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || barriers.isEmpty()) {
                    return barriersAcked >= target;
                }
                waitOn(left);
            }
            return true;
        }
    }

    private void waitOn(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(acks, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Set<IpPrefix> withStatus(Status st) {
        Set<IpPrefix> out = new HashSet<>();
        synchronized (acks) {
            slots.forEach((p, s) -> {
                if (s.status == st) {
                    out.add(p);
                }
            });
        }
        return out;
    }

    // ---- the ip process and its reader ---------------------------------------------------

    /** Starts {@code ip [-n NS] -force -batch -}; caller holds the lock. */
    private void startProcess() {
        List<String> argv = new ArrayList<>(config.ip().argv("-force", "-batch", "-"));
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("KernelFibSink: cannot start " + String.join(" ", argv), e);
        }
        synchronized (acks) {
            linesWritten = 0;
            barriers.clear();
            unconfirmed.clear();
        }
        process = p;
        stdin = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII);
        Thread t = new Thread(() -> readLoop(p), "fib-ip-" + p.pid());
        t.setDaemon(true);
        t.start();
        log.debug("fib: started {} (pid {})", String.join(" ", argv), p.pid());
    }

    private void readLoop(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                onOutput(line);
            }
        } catch (IOException e) {
            log.debug("fib: reading ip output: {}", e.getMessage());
        }
        onExit(p);
    }

    private void onOutput(String line) {
        log.trace("fib: ip said: {}", line);
        Matcher m = FAILED_LINE.matcher(line);
        synchronized (acks) {
            if (BARRIER_OUTPUT.matcher(line).matches()) {
                Long b = barriers.pollFirst();
                if (b != null) {
                    confirmBefore(b);
                    barriersAcked++;
                    acks.notifyAll();
                }
            } else if (m.matches()) {
                onFailed(Long.parseLong(m.group(1)));
            } else if (!line.startsWith(" ")) {
                lastError = line.trim();
            }
        }
    }

    /** Every line before the barrier that did not fail succeeded; caller holds acks. */
    private void confirmBefore(long barrierLine) {
        Map<Long, Op> done = unconfirmed.headMap(barrierLine);
        for (Map.Entry<Long, Op> e : done.entrySet()) {
            Slot s = slots.get(e.getValue().prefix());
            if (s != null && s.line == e.getKey() && s.status == Status.PENDING) {
                s.status = Status.CONFIRMED;
            }
        }
        done.clear();
    }

    /** Line n failed; caller holds acks. */
    private void onFailed(long n) {
        Op op = unconfirmed.remove(n);
        if (op == null) {
            return; // a barrier or a line of a previous process
        }
        Slot s = slots.get(op.prefix());
        if (op.kind() == OpKind.DEL) {
            log.debug("fib: delete of {} failed ({}): not there", op.prefix(), lastError);
            return;
        }
        if (s == null || s.line != n) {
            return; // superseded meanwhile
        }
        if (op.kind() == OpKind.ADD && lastError.contains("File exists")) {
            s.status = Status.BLOCKED;
            log.warn("fib: not installing {}: a route we did not install holds it (table {}, metric {}); "
                    + "left alone", op.prefix(), config.table(), config.metric());
        } else {
            s.status = Status.FAILED;
            log.warn("fib: kernel refused {} {}: {}", op.kind().name().toLowerCase(), op.prefix(), lastError);
        }
    }

    private void onExit(Process p) {
        lock.lock();
        try {
            if (closing || p != process) {
                return;
            }
            int code = waitExit(p);
            log.error("fib: ip -batch (pid {}) exited with {}; restarting it and resyncing {} routes", p.pid(),
                    code, desired.size());
            synchronized (acks) {
                barriers.clear(); // they will never be acknowledged
                acks.notifyAll();
            }
            stdin = null;
            for (int attempt = 1; attempt <= MAX_RESTART_ATTEMPTS && !closing; attempt++) {
                try {
                    startProcess();
                    reconcile();
                    synchronized (acks) {
                        restarts++;
                        acks.notifyAll();
                    }
                    return;
                } catch (RuntimeException e) {
                    log.error("fib: restart attempt {} failed: {}", attempt, e.getMessage());
                    pause(Math.min(5000L, 100L << attempt));
                }
            }
            log.error("fib: giving up on the ip process; the kernel is not being updated");
        } finally {
            lock.unlock();
        }
    }

    private static int waitExit(Process p) {
        try {
            return p.waitFor(2, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void pause(long millis) {
        synchronized (acks) {
            waitOn(TimeUnit.MILLISECONDS.toNanos(millis));
        }
    }

    @Override
    public String toString() {
        return "KernelFibSink[" + config.ip().namespace().map(ns -> "netns " + ns + ", ").orElse("") + "proto "
                + config.protocol() + " metric " + config.metric() + " table " + config.table() + "]";
    }
}
