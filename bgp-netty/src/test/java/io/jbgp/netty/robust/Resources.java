package io.jbgp.netty.robust;

import java.io.File;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts what a speaker could leak besides buffers: the threads it started (by the name prefixes
 * the speaker, the RIB and the raw peers use) and this process's open file descriptors (sockets
 * included). Buffers are the NoLeaks extension's business.
 */
final class Resources {
    private static final String[] OURS = {"multiThreadIoEventLoopGroup", "jbgp", "rib-", "raw-peer", "epollEventLoop"};

    private Resources() {}

    /** Names of live threads that belong to speakers, RIBs or raw peers. */
    static Set<String> ourThreads() {
        Set<String> names = new TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.isAlive()) {
                continue;
            }
            for (String p : OURS) {
                if (t.getName().startsWith(p)) {
                    names.add(t.getName() + "#" + t.getId());
                }
            }
        }
        return names;
    }

    /** Open file descriptors of this JVM, -1 where /proc is not available. */
    static int openFds() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    /**
     * Waits (bounded) until the resources are back to the baseline: no thread of ours alive and at
     * most {@code fdSlack} more descriptors than before (class loading may open a jar lazily).
     * Returns a description of what is left, empty when clean.
     */
    static String awaitReleased(Set<String> threadsBefore, int fdsBefore, int fdSlack, long timeoutMillis) {
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            Set<String> threads = ourThreads();
            threads.removeAll(threadsBefore);
            int fds = openFds();
            boolean fdOk = fdsBefore < 0 || fds <= fdsBefore + fdSlack;
            if (threads.isEmpty() && fdOk) {
                return "";
            }
            if (System.nanoTime() > end) {
                return "threads left: " + threads + "; fds before " + fdsBefore + " after " + fds;
            }
            System.gc(); // unreachable sockets of a failed test would be closed by their cleaners
            Thread.onSpinWait();
            synchronized (Resources.class) {
                try {
                    Resources.class.wait(20); // bounded poll of OS state that signals nothing
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            }
        }
    }
}
