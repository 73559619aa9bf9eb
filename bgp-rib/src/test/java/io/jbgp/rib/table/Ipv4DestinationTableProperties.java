package io.jbgp.rib.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.jbgp.core.types.Asn;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.decision.DecisionOptions;
import io.jbgp.rib.decision.DecisionProcess;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The open-addressing IPv4 table against a {@code HashMap} model: random adds and removes over a
 * small key space (so probe runs collide, wrap and are shifted back on removal), then every key
 * of the space looked up.
 */
class Ipv4DestinationTableProperties {

    private static final DecisionProcess DECISION =
            new DecisionProcess(DecisionOptions.DEFAULT, Asn.of(64500), RouterId.of(0xC6336401));

    @Test
    void behavesLikeAHashMap() {
        qt().withFixedSeed(4271).forAll(lists().of(integers().between(0, 2047)).ofSizeBetween(0, 3000))
                .checkAssert(ops -> {
                    Ipv4DestinationTable table = new Ipv4DestinationTable();
                    Map<Ipv4Prefix, Destination> model = new HashMap<>();
                    for (int op : ops) {
                        Ipv4Prefix p = prefix(op % 1024);
                        if (op < 1024) {
                            if (!model.containsKey(p)) {
                                Destination d = new Destination(p, DECISION);
                                model.put(p, d);
                                table.add(p, d);
                            }
                        } else {
                            assertEquals(model.remove(p) != null, table.remove(p));
                        }
                        assertEquals(model.size(), table.size());
                    }
                    for (int k = 0; k < 1024; k++) {
                        Ipv4Prefix p = prefix(k);
                        assertSame(model.get(p), table.get(p), p.toString());
                    }
                });
    }

    // 1024 distinct aligned prefixes inside 10.0.0.0/8 (lengths 24..31), as a table has
    private static Ipv4Prefix prefix(int k) {
        return Ipv4Prefix.of(0x0A000000 | k << 8, 24 + (k & 7));
    }
}
