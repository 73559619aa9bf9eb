package io.jbgp.rib.fib;

import io.jbgp.core.types.IpPrefix;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FibSink} that logs every change (at info; batches at debug) and passes it on to
 * another sink, {@link FibSink#NONE} by default: the "what would the kernel get" view, and a
 * way to watch a real sink's traffic.
 */
public final class LoggingFibSink implements FibSink {
    private static final Logger log = LoggerFactory.getLogger(LoggingFibSink.class);

    private final FibSink next;

    /** Logs only. */
    public LoggingFibSink() {
        this(FibSink.NONE);
    }

    /**
     * Logs, then forwards to {@code next}.
     *
     * @param next the sink that does the work
     */
    public LoggingFibSink(FibSink next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void begin() {
        log.debug("fib batch begin");
        next.begin();
    }

    @Override
    public void install(FibRoute route) {
        log.info("fib install {} {}", route.prefix(), describe(route));
        next.install(route);
    }

    @Override
    public void withdraw(IpPrefix prefix) {
        log.info("fib withdraw {}", prefix);
        next.withdraw(prefix);
    }

    @Override
    public void commit() {
        log.debug("fib batch commit");
        next.commit();
    }

    @Override
    public void resync(Collection<FibRoute> routes) {
        log.info("fib resync with {} routes", routes.size());
        next.resync(routes);
    }

    @Override
    public void close(boolean removeRoutes) {
        log.info("fib close{}", removeRoutes ? ", removing our routes" : ", keeping our routes");
        next.close(removeRoutes);
    }

    static String describe(FibRoute route) {
        return route.nextHops().stream()
                .map(h -> "via " + h.gateway().getHostAddress() + (h.interfaceName().isEmpty() ? ""
                        : " dev " + h.interfaceName()))
                .collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return "LoggingFibSink[" + next + "]";
    }
}
