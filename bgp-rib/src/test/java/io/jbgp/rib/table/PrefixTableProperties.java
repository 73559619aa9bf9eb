package io.jbgp.rib.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.core.types.Ipv6Prefix;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The prefix table against a {@code HashMap} model: random puts, replacements and removes over a
 * small key space of IPv4 and IPv6 prefixes (so IPv4 probe runs collide, wrap, are shifted back
 * on removal and the table shrinks when emptied; tiny segments, so probing crosses them), then every key looked up and a full walk.
 */
class PrefixTableProperties {

    @Test
    void behavesLikeAHashMap() {
        qt().withFixedSeed(7911).forAll(lists().of(integers().between(0, 4095)).ofSizeBetween(0, 4000))
                .checkAssert(ops -> {
                    // segments of 8 slots: probe runs cross segment boundaries and wrap
                    PrefixTable<Integer> table = new PrefixTable<>(3);
                    Map<IpPrefix, Integer> model = new HashMap<>();
                    for (int op : ops) {
                        IpPrefix p = prefix(op % 1100);
                        if (op < 2048) {
                            assertEquals(model.put(p, op), table.put(p, op), "put " + p);
                        } else {
                            assertEquals(model.remove(p), table.remove(p), "remove " + p);
                        }
                        assertEquals(model.size(), table.size());
                    }
                    for (int k = 0; k < 1100; k++) {
                        IpPrefix p = prefix(k);
                        assertEquals(model.get(p), table.get(p), p.toString());
                    }
                    Map<IpPrefix, Integer> walked = new HashMap<>();
                    table.forEach((p, v) -> assertNull(walked.put(p, v), "visited twice: " + p));
                    assertEquals(model, walked);
                });
    }

    // 1024 distinct aligned IPv4 prefixes inside 10.0.0.0/8 (lengths 24..31), then 76 IPv6 ones
    private static IpPrefix prefix(int k) {
        return k < 1024 ? Ipv4Prefix.of(0x0A000000 | k << 8, 24 + (k & 7))
                : Ipv6Prefix.of(0x20010DB800000000L | (long) k << 16, 0, 48);
    }
}
