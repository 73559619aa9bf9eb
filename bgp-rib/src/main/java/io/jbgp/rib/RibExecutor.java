package io.jbgp.rib;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that owns all RIB state (STYLE §7 rule 11, OpenBGPD's RDE in-process). Every
 * {@link Rib} command and every continuation (table feed chunks) runs here, one at a time, so
 * {@code io.jbgp.rib} needs no locks.
 *
 * <p>{@link #direct()} runs tasks on the calling thread instead, queueing tasks submitted while
 * one runs (a trampoline, so a long feed never deepens the stack). It makes tests deterministic;
 * it must then be used from one thread only.
 */
public final class RibExecutor implements Executor, AutoCloseable {

    private final ExecutorService thread;
    private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
    private boolean draining;

    private RibExecutor(ExecutorService thread) {
        this.thread = thread;
    }

    /** A dedicated daemon thread with an unbounded queue. */
    public static RibExecutor singleThread(String name) {
        return new RibExecutor(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }));
    }

    /** Runs tasks on the caller's thread, in submission order (tests, single-threaded embedders). */
    public static RibExecutor direct() {
        return new RibExecutor(null);
    }

    /** Whether tasks run synchronously on the submitting thread. */
    public boolean isDirect() {
        return thread == null;
    }

    @Override
    public void execute(Runnable task) {
        if (thread != null) {
            thread.execute(task);
            return;
        }
        pending.add(task);
        if (draining) {
            return; // the outer drain loop will run it
        }
        draining = true;
        try {
            Runnable r;
            while ((r = pending.poll()) != null) {
                r.run();
            }
        } finally {
            draining = false;
        }
    }

    /** Stops the thread after the queued tasks, waiting up to five seconds. */
    @Override
    public void close() {
        if (thread != null) {
            thread.shutdown();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
