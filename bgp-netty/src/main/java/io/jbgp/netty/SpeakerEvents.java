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
 * The speaker's event stream. Subscribers are called on the speaker's callback executor (the RIB
 * executor unless the embedder supplied another), one event at a time and in the order events
 * happened for each neighbor; a throwing subscriber is logged and does not stop the others.
 */
public final class SpeakerEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SpeakerEvents.class);

    private final List<Consumer<? super SpeakerEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final Executor executor;

    SpeakerEvents(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Adds a subscriber; closing the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<? super SpeakerEvent> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Posts an event to the callback executor (any thread). */
    void publish(SpeakerEvent event) {
        if (subscribers.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> deliver(event));
        } catch (RejectedExecutionException e) {
            LOG.debug("peer={} event dropped, callback executor is shut down: {}", event.peer(), event);
        }
    }

    private void deliver(SpeakerEvent event) {
        for (Consumer<? super SpeakerEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("peer={} event subscriber failed on {}", event.peer(), event, e);
            }
        }
    }
}
