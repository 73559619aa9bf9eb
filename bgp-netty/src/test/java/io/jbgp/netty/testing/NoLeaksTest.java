package io.jbgp.netty.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves the leak check can fail: a deliberately dropped buffer is reported. */
class NoLeaksTest {

    @Test
    void aDroppedBufferIsReportedAsLeak() {
        NoLeaks.install();
        NoLeaks.collect(); // start clean
        leakOne();
        List<String> leaks = List.of();
        for (int i = 0; i < 10 && leaks.isEmpty(); i++) {
            leaks = NoLeaks.collect();
        }
        assertFalse(leaks.isEmpty(), "the detector did not report a dropped buffer");
        assertTrue(leaks.get(0).contains("LEAK"), leaks.get(0));
    }

    private static void leakOne() {
        ByteBufAllocator.DEFAULT.buffer(16).writeInt(42); // never released, on purpose
    }
}
