package io.jbgp.rib.origin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link SystemRouteSource} the embedder (or a test) fills by hand. Adding a route that is
 * already present, or removing one that is not, changes nothing and notifies nobody, so listeners
 * see a consistent add/remove sequence. Thread-safe; listeners are called on the caller's thread,
 * outside the lock.
 */
public final class InMemorySystemRouteSource implements SystemRouteSource {
    private final Object lock = new Object();
    private final List<SystemRoute> routes = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public InMemorySystemRouteSource() {
    }

    public InMemorySystemRouteSource(List<SystemRoute> initial) {
        initial.forEach(this::add);
    }

    /** Adds a route; returns false (and notifies nobody) if it was already there. */
    public boolean add(SystemRoute route) {
        synchronized (lock) {
            if (routes.contains(route)) {
                return false;
            }
            routes.add(route);
        }
        listeners.forEach(l -> l.added(route));
        return true;
    }

    /** Removes a route; returns false (and notifies nobody) if it was not there. */
    public boolean remove(SystemRoute route) {
        synchronized (lock) {
            if (!routes.remove(route)) {
                return false;
            }
        }
        listeners.forEach(l -> l.removed(route));
        return true;
    }

    @Override
    public List<SystemRoute> snapshot() {
        synchronized (lock) {
            return List.copyOf(routes);
        }
    }

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }
}
