package io.jbgp.rib.fib;

import static io.jbgp.rib.TestRoutes.addr;
import static io.jbgp.rib.TestRoutes.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.rib.MemoryFibSink;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The forwarding table pushes only real changes to the sink, inside one batch per commit. */
class ForwardingTableTest {

    private static FibRoute route(String p, String gw) {
        return new FibRoute(prefix(p), List.of(new FibRoute.NextHop(addr(gw), "eth0")));
    }

    @Test
    void changesAreBatchedAndUnchangedEntriesAreNotPushed() {
        MemoryFibSink sink = new MemoryFibSink();
        ForwardingTable t = new ForwardingTable(sink);
        FibRoute a = route("198.51.100.0/24", "10.0.0.2");
        assertEquals(Optional.of(new ForwardingTable.FibChange(a.prefix(), Optional.empty(), Optional.of(a))),
                t.set(a.prefix(), a));
        t.set(prefix("203.0.113.0/24"), route("203.0.113.0/24", "10.0.0.3"));
        assertTrue(sink.isInBatch());
        t.commit();
        assertEquals(1, sink.batches);
        assertEquals(Optional.empty(), t.set(a.prefix(), route("198.51.100.0/24", "10.0.0.2")));
        t.commit();
        assertEquals(1, sink.batches, "no batch without a change");
        t.set(a.prefix(), null);
        t.commit();
        assertEquals(Map.of(prefix("203.0.113.0/24"), route("203.0.113.0/24", "10.0.0.3")), sink.routes);
        assertEquals(sink.routes, t.snapshot());
        assertThrows(IllegalArgumentException.class, () -> t.set(a.prefix(), route("203.0.113.0/24", "10.0.0.3")));
    }
}
