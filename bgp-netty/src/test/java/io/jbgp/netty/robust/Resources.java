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
     * Open TCP sockets of this JVM (descriptors whose {@code socket:[inode]} is in /proc/net/tcp or
     * tcp6), -1 where /proc is not available. Unlike {@link #openFds} it ignores jars opened lazily
     * by class loading and the JDK's own Unix sockets (a name-service lookup keeps one), so a
     * baseline taken before a JVM's first speaker still compares exactly.
     */
    static int openSockets() {
        File[] fds = new File("/proc/self/fd").listFiles();
        if (fds == null) {
            return -1;
        }
        Set<String> tcp = new java.util.HashSet<>();
        for (String table : new String[] {"tcp", "tcp6"}) {
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/net", table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9) {
                        tcp.add(f[9]);
                    }
                }
            } catch (java.io.IOException e) {
                return -1;
            }
        }
        int n = 0;
        for (File f : fds) {
            try {
                String link = java.nio.file.Files.readSymbolicLink(f.toPath()).toString();
                if (link.startsWith("socket:[") && tcp.contains(link.substring(8, link.length() - 1))) {
                    n++;
                }
            } catch (java.io.IOException | UnsupportedOperationException closedMeanwhile) {
                // the descriptor closed while we looked
            }
        }
        return n;
    }

    /** Waits (bounded) until at most {@code before} TCP sockets are open; returns what is left, empty when clean. */
    static String awaitSocketsClosed(int before, long timeoutMillis) {
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            int now = openSockets();
            if (before < 0 || now <= before) {
                return "";
            }
            if (System.nanoTime() > end) {
                return "TCP sockets before " + before + " after " + now + ": " + describeSockets();
            }
            System.gc();
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

    /** The open sockets with their kernel entries (/proc/net/...), for a failure message. */
    static String describeSockets() {
        StringBuilder b = new StringBuilder();
        File[] fds = new File("/proc/self/fd").listFiles();
        if (fds == null) {
            return "?";
        }
        for (File f : fds) {
            try {
                String link = java.nio.file.Files.readSymbolicLink(f.toPath()).toString();
                if (!link.startsWith("socket:[")) {
                    continue;
                }
                String inode = link.substring(8, link.length() - 1);
                b.append(link);
                for (String table : new String[] {"tcp", "tcp6", "udp", "udp6", "unix", "netlink"}) {
                    for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/net", table))) {
                        if (java.util.Arrays.asList(line.trim().split("\\s+")).contains(inode)) {
                            b.append(' ').append(table).append(": ").append(line.trim());
                        }
                    }
                }
                b.append("; ");
            } catch (java.io.IOException | UnsupportedOperationException closedMeanwhile) {
                // closed while we looked
            }
        }
        return b.toString();
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
