package io.jbgp.rib.origin;

import java.util.List;

/**
 * Port: the host's view of its interfaces' subnets and static routes. The embedder provides one
 * (a Linux implementation reads the kernel; an in-memory one serves tests and embedders that
 * know their own routes). Changes are pushed to the listener, which the RIB posts onto its own
 * executor.
 */
public interface SystemRouteSource extends AutoCloseable {

    /** {@return the current routes} */
    List<SystemRoute> snapshot();

    /**
     * Registers a listener for later changes; called from any thread.
     *
     * @param listener told of every later addition and removal
     */
    void subscribe(Listener listener);

    @Override
    default void close() {
    }

    /** Receives route changes. */
    interface Listener {
        /**
         * A host route appeared.
         *
         * @param route the new route
         */
        void added(SystemRoute route);

        /**
         * A host route went away.
         *
         * @param route the route, equal to the one reported as added
         */
        void removed(SystemRoute route);
    }

    /** A source with no routes. */
    SystemRouteSource NONE = new SystemRouteSource() {
        @Override
        public List<SystemRoute> snapshot() {
            return List.of();
        }

        @Override
        public void subscribe(Listener listener) {
        }
    };
}
