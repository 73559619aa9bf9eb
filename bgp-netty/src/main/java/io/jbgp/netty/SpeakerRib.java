package io.jbgp.netty;

import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerEventHandler;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.Rib;
import io.jbgp.rib.RibCommand;
import io.jbgp.rib.RibConfig;
import io.jbgp.rib.RibExecutor;
import io.jbgp.rib.RibListener;
import io.jbgp.rib.RibPeerEventHandler;
import io.jbgp.rib.RibPeerSettings;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.origin.OriginConfig;
import io.jbgp.rib.origin.Redistributor;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.origin.SystemRouteSource;
import io.jbgp.rib.table.LocalSource;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speaker's routing side: one {@link Rib} on its own {@link RibExecutor} thread, the
 * {@link Redistributor} of the {@code network} statements, the host's {@link SystemRouteSource}
 * feeding both next-hop resolution and redistribution, and each neighbor's
 * {@link RibPeerSettings}. Only the speaker facade wires the session layer to this (STYLE §1).
 *
 * <p>Threading: {@link Redistributor} and the FIB sink are touched only on the RIB executor;
 * host route events arriving on the source's thread are re-posted there. Everything else here
 * is safe from any thread.
 */
final class SpeakerRib {
    private static final Logger LOG = LoggerFactory.getLogger(SpeakerRib.class);
    /** Bound on how long {@link #start} waits for the initial host routes to be applied. */
    private static final long START_WAIT_SECONDS = 10;

    private final RibConfig config;
    private final RibExecutor executor;
    private final Rib rib;
    private final OriginConfig origin;
    private final SystemRouteSource systemRoutes;
    private final boolean removeFibRoutesOnClose;
    private final Map<InetAddress, RibPeerSettings> settings = new ConcurrentHashMap<>();
    private final PeerEventHandler handler;
    /** Established sessions, by neighbor address (written on the neighbors' event loops). */
    private final Map<InetAddress, Up> sessions = new ConcurrentHashMap<>();
    /** Created and used on the RIB executor only. */
    private Redistributor redistributor;
    private volatile Thread thread;

    SpeakerRib(RibConfig config, OriginConfig origin, SystemRouteSource systemRoutes,
               boolean removeFibRoutesOnClose, RibListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.systemRoutes = Objects.requireNonNull(systemRoutes, "systemRoutes");
        this.removeFibRoutesOnClose = removeFibRoutesOnClose;
        this.executor = RibExecutor.singleThread("jbgp-rib");
        this.executor.execute(() -> thread = Thread.currentThread());
        this.rib = new Rib(config, executor);
        this.rib.addListener(listener);
        this.handler = new SessionPort(new RibPeerEventHandler(rib,
                peer -> settings.getOrDefault(peer.address(), RibPeerSettings.NONE)));
    }

    RibExecutor executor() {
        return executor;
    }

    Rib rib() {
        return rib;
    }

    /** The inbound port the sessions call (it only posts {@link RibCommand}s). */
    PeerEventHandler handler() {
        return handler;
    }

    boolean isRibThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Resyncs the FIB sink to empty, then loads the host routes and the {@code network}
     * statements. Commands queue in this order, so nothing is installed before the resync.
     *
     * @return completes once the RIB has applied the initial host routes and statements
     */
    CompletableFuture<Void> start() {
        executor.execute(() -> {
            try {
                // the table is empty now: this removes our stale routes of an earlier run (a crash,
                // or a close that kept them), as OpenBGPD's kr_reload does at startup
                config.fibSink().resync(List.of());
            } catch (RuntimeException e) {
                LOG.error("rib: FIB sink {} failed to resync at start, stale routes may remain",
                        config.fibSink(), e);
            }
            redistributor = new Redistributor(origin, rib.originationOutput());
        });
        SystemRouteSource.Listener nexthops = rib.systemRouteListener();
        systemRoutes.subscribe(new SystemRouteSource.Listener() {
            @Override
            public void added(SystemRoute route) {
                nexthops.added(route);
                onRib(() -> redistributor.added(route));
            }

            @Override
            public void removed(SystemRoute route) {
                nexthops.removed(route);
                onRib(() -> redistributor.removed(route));
            }
        });
        // taken here, not on the RIB thread: a kernel source may do I/O. Both consumers ignore a
        // repeated add, so events that overlap this snapshot are harmless (Redistributor DOC)
        List<SystemRoute> initial = systemRoutes.snapshot();
        initial.forEach(nexthops::added);
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        onRib(() -> {
            redistributor.reset(initial);
            // reset posted its Originate commands; this completes after they ran
            executor.execute(() -> loaded.complete(null));
        });
        return loaded;
    }

    /**
     * Waits (bounded) until the initial load of {@link #start} was applied, so that the
     * embedder's first snapshot already shows the network statements. Call it without holding a
     * lock an event subscriber might want; on the RIB thread it returns at once (waiting there
     * would wait for itself).
     */
    void awaitLoaded(CompletableFuture<Void> loaded) {
        if (isRibThread()) {
            return;
        }
        try {
            loaded.get(START_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("rib: initial host routes not applied within {} s, continuing", START_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("SpeakerRib.awaitLoaded: initial load failed", e.getCause());
        }
    }

    void putSettings(PeerKey peer, RibPeerSettings s) {
        settings.put(peer.address(), Objects.requireNonNull(s, "settings"));
    }

    void removeSettings(PeerKey peer) {
        settings.remove(peer.address());
    }

    /** New policies for an established session apply at once; a later session looks them up. */
    void updateSettings(PeerKey peer, RibPeerSettings s) {
        putSettings(peer, s);
        rib.post(new RibCommand.ImportPolicyChanged(peer.address(), s.importPolicy()));
        rib.post(new RibCommand.ExportPolicyChanged(peer.address(), s.exportPolicy()));
    }

    void announce(IpPrefix prefix, AttributeSet attributes) {
        rib.originate(prefix, attributes, LocalSource.CONFIGURED);
    }

    void withdraw(IpPrefix prefix) {
        rib.withdrawLocal(prefix, LocalSource.CONFIGURED);
    }

    /**
     * Stops route input, closes the FIB sink on the RIB thread after every queued command (the
     * sessions' PeerDown included), then stops the RIB executor (bounded wait).
     */
    void close() {
        try {
            systemRoutes.close();
        } catch (Exception e) {
            LOG.warn("rib: system route source {} failed to close", systemRoutes, e);
        }
        onRib(() -> {
            try {
                config.fibSink().close(removeFibRoutesOnClose);
            } catch (RuntimeException e) {
                LOG.error("rib: FIB sink {} failed to close, our routes may remain", config.fibSink(), e);
            }
        });
        rib.close();
    }

    /**
     * Sends ROUTE-REFRESH (RFC 2918) for a family to an established neighbor that negotiated it:
     * the neighbor re-sends its routes, and the import policy runs over them again.
     *
     * @return false when no session is up, or it did not negotiate route refresh or the family
     */
    boolean requestRouteRefresh(PeerKey peer, AddressFamily family) {
        Up up = sessions.get(peer.address());
        if (up == null || !up.session().routeRefresh() || !up.session().families().contains(family)) {
            return false;
        }
        up.outbound().sendRouteRefresh(RouteRefreshMessage.request(family));
        return true;
    }

    /** Replaces the {@code network} statements and overrides; the Loc-RIB follows the difference. */
    void reconfigureOrigin(OriginConfig newConfig) {
        Objects.requireNonNull(newConfig, "newConfig");
        onRib(() -> redistributor.reconfigure(newConfig));
    }

    /** An established session's negotiated parameters and its sending port. */
    private record Up(NegotiatedSession session, PeerOutbound outbound) {
    }

    /**
     * The inbound port as the sessions see it: remembers each established session's outbound port
     * (for {@link #requestRouteRefresh}), and drops session events that arrive after the RIB
     * stopped (a connection's last TcpClosed can trail {@code close()}) instead of reporting a
     * rejected task as a handler failure.
     */
    private final class SessionPort implements PeerEventHandler {
        private final PeerEventHandler rib;

        SessionPort(PeerEventHandler rib) {
            this.rib = rib;
        }

        @Override
        public void established(PeerKey peer, NegotiatedSession session, PeerOutbound outbound) {
            sessions.put(peer.address(), new Up(session, outbound));
            guard(peer, () -> rib.established(peer, session, outbound));
        }

        @Override
        public void update(PeerKey peer, UpdateMessage update) {
            guard(peer, () -> rib.update(peer, update));
        }

        @Override
        public void routeRefresh(PeerKey peer, RouteRefreshMessage refresh) {
            guard(peer, () -> rib.routeRefresh(peer, refresh));
        }

        @Override
        public void down(PeerKey peer, DownReason reason) {
            sessions.remove(peer.address());
            guard(peer, () -> rib.down(peer, reason));
        }

        private void guard(PeerKey peer, Runnable call) {
            try {
                call.run();
            } catch (RejectedExecutionException e) {
                LOG.debug("peer={} session event after the RIB closed, dropped", peer);
            }
        }
    }

    private void onRib(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("rib: executor is shut down, host route event dropped");
        }
    }
}
