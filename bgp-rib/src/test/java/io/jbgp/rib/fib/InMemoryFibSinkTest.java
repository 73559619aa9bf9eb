package io.jbgp.rib.fib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.types.IpPrefix;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InMemoryFibSinkTest {
    static FibRoute route(String prefix, String gw) {
        return new FibRoute(IpPrefix.parse(prefix), List.of(new FibRoute.NextHop(IpPrefix.parseAddress(gw), "")));
    }

    @Test
    void aBatchIsPublishedOnlyAtCommit() {
        InMemoryFibSink sink = new InMemoryFibSink();
        sink.begin();
        sink.install(route("198.51.100.0/24", "10.1.0.5"));
        sink.install(route("2001:db8:1::/48", "2001:db8::5"));
        assertEquals(Map.of(), sink.snapshot(), "half a batch is never visible");
        sink.commit();
        assertEquals(2, sink.snapshot().size());
        sink.withdraw(IpPrefix.parse("198.51.100.0/24")); // outside a batch: visible at once
        assertEquals(Map.of(IpPrefix.parse("2001:db8:1::/48"), route("2001:db8:1::/48", "2001:db8::5")),
                sink.snapshot());
    }

    @Test
    void aCommittedStateIsCopiedOnceAndOldSnapshotsStayAsTheyWere() {
        InMemoryFibSink sink = new InMemoryFibSink();
        sink.begin();
        sink.install(route("198.51.100.0/24", "10.1.0.5"));
        sink.commit();
        Map<IpPrefix, FibRoute> first = sink.snapshot();
        assertSame(first, sink.snapshot(), "no commit in between: the same copy");
        sink.begin();
        sink.withdraw(IpPrefix.parse("198.51.100.0/24"));
        sink.install(route("203.0.113.0/24", "10.1.0.6"));
        sink.withdraw(IpPrefix.parse("203.0.113.0/24"));
        sink.install(route("203.0.113.0/24", "10.1.0.7"));
        sink.commit();
        assertEquals(Map.of(IpPrefix.parse("198.51.100.0/24"), route("198.51.100.0/24", "10.1.0.5")), first,
                "a snapshot handed out earlier never changes");
        assertEquals(Map.of(IpPrefix.parse("203.0.113.0/24"), route("203.0.113.0/24", "10.1.0.7")), sink.snapshot(),
                "the last change of a prefix within a batch wins");
        sink.begin();
        sink.resync(List.of(route("198.51.100.0/24", "10.1.0.8")));
        sink.install(route("2001:db8:1::/48", "2001:db8::5"));
        assertEquals(1, sink.snapshot().size(), "a resync inside a batch waits for the commit");
        sink.commit();
        assertEquals(Map.of(IpPrefix.parse("198.51.100.0/24"), route("198.51.100.0/24", "10.1.0.8"),
                IpPrefix.parse("2001:db8:1::/48"), route("2001:db8:1::/48", "2001:db8::5")), sink.snapshot());
    }

    @Test
    void resyncReplacesEverythingAndCloseRemoves() {
        InMemoryFibSink sink = new InMemoryFibSink();
        sink.install(route("198.51.100.0/24", "10.1.0.5"));
        sink.resync(List.of(route("203.0.113.0/24", "10.1.0.6")));
        assertEquals(Map.of(IpPrefix.parse("203.0.113.0/24"), route("203.0.113.0/24", "10.1.0.6")), sink.snapshot());
        sink.close(true);
        assertEquals(Map.of(), sink.snapshot());
        assertThrows(IllegalStateException.class, () -> sink.install(route("198.51.100.0/24", "10.1.0.5")));
    }

    @Test
    void snapshotsAreSafeToReadFromAnotherThread() throws Exception {
        InMemoryFibSink sink = new InMemoryFibSink();
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                while (done.getCount() > 0) {
                    // each snapshot is a whole batch: both prefixes of a batch, or neither
                    Map<IpPrefix, FibRoute> s = sink.snapshot();
                    if (s.containsKey(IpPrefix.parse("198.51.100.0/24"))
                            != s.containsKey(IpPrefix.parse("203.0.113.0/24"))) {
                        throw new AssertionError("half a batch visible: " + s);
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        for (int i = 0; i < 20_000; i++) {
            sink.begin();
            if (i % 2 == 0) {
                sink.install(route("198.51.100.0/24", "10.1.0.5"));
                sink.install(route("203.0.113.0/24", "10.1.0.5"));
            } else {
                sink.withdraw(IpPrefix.parse("198.51.100.0/24"));
                sink.withdraw(IpPrefix.parse("203.0.113.0/24"));
            }
            sink.commit();
        }
        done.countDown();
        reader.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(null, failure.get());
        assertTrue(sink.publications() >= 20_000);
    }

    @Test
    void loggingSinkForwardsEverything() {
        InMemoryFibSink inner = new InMemoryFibSink();
        LoggingFibSink sink = new LoggingFibSink(inner);
        sink.begin();
        sink.install(new FibRoute(IpPrefix.parse("198.51.100.0/24"), List.of(
                new FibRoute.NextHop(IpPrefix.parseAddress("10.1.0.5"), "v0"),
                new FibRoute.NextHop(IpPrefix.parseAddress("10.1.0.6"), "v0"))));
        sink.commit();
        assertEquals(1, inner.snapshot().size());
        assertEquals("via 10.1.0.5 dev v0 via 10.1.0.6 dev v0",
                LoggingFibSink.describe(inner.snapshot().get(IpPrefix.parse("198.51.100.0/24"))));
        sink.withdraw(IpPrefix.parse("198.51.100.0/24"));
        assertEquals(Map.of(), inner.snapshot());
        sink.close(false);
        assertTrue(inner.isClosed());
    }
}
