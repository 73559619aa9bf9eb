package io.jbgp.netty;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speaker's event stream: neighbor state changes and session ends from the transport,
 * best-path and forwarding-table changes from the RIB ({@link SpeakerEvent}).
 *
 * <p>Subscribers are called on the speaker's callback executor (the RIB executor unless the
 * embedder supplied another), one event at a time, in the order the events happened for each
 * neighbor and, for route events, in the order the RIB made the changes. A throwing subscriber is
 * logged and does not stop the others. On the RIB executor a subscriber holds up routing: it must
 * return quickly and must not wait for the RIB (for instance by joining
 * {@link RibView#snapshot()}, which would never complete).
 */
public final class SpeakerEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SpeakerEvents.class);

    private final List<Consumer<? super SpeakerEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final Executor executor;

    SpeakerEvents(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Adds a subscriber.
     *
     * @param subscriber called with every event from now on, on the callback executor
     * @return a handle; closing it removes the subscriber
     */
    public AutoCloseable subscribe(Consumer<? super SpeakerEvent> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Whether anyone listens (route events are not even built otherwise). */
    boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    /** Posts an event to the callback executor (any thread). */
    void publish(SpeakerEvent event) {
        if (subscribers.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> deliverNow(event));
        } catch (RejectedExecutionException e) {
            LOG.debug("{} event dropped, callback executor is shut down: {}", subject(event), event);
        }
    }

    /**
     * Delivers an event on the calling thread, which must be the callback executor's (the RIB
     * listener uses it when the callback executor is the RIB executor, saving a hop per change).
     */
    void deliverNow(SpeakerEvent event) {
        for (Consumer<? super SpeakerEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("{} event subscriber failed on {}", subject(event), event, e);
            }
        }
    }

    // "peer=127.0.0.2" for neighbor events, "rib" for route events: the log key of STYLE §11
    private static String subject(SpeakerEvent event) {
        return event instanceof SpeakerEvent.PeerEvent p ? "peer=" + p.peer() : "rib";
    }
}
