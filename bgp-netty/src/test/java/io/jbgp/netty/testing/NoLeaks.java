package io.jbgp.netty.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reports a leaked {@code ByteBuf} (STYLE §10.2: fail the build on
 * any {@code LEAK:}). Installs a {@link ResourceLeakDetector.LeakListener} on the detector every
 * leak-aware buffer uses ({@code AbstractByteBuf.leakDetector}), and after the class forces
 * garbage collection and a few allocations, because the detector reports only on a later
 * {@code track()} call after the leaked buffer became unreachable.
 *
 * <p>Leak reports are JVM-wide; a leak from a previous class that only surfaces now is still a
 * leak, and fails this class with the detector's record of where the buffer was touched.
 */
public final class NoLeaks implements BeforeAllCallback, AfterAllCallback {
    private static final List<String> LEAKS = new ArrayList<>();
    private static boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = collect();
        if (!leaks.isEmpty()) {
            fail("ByteBuf leaks reported by Netty's ResourceLeakDetector:\n" + String.join("\n", leaks));
        }
    }

    /** Installs the listener once per JVM. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        }
        detector().setLeakListener((resourceType, records) -> {
            synchronized (LEAKS) {
                LEAKS.add("LEAK: " + resourceType + " " + records);
            }
        });
        installed = true;
    }

    /** Forces collection and detection, then returns and clears the leaks reported so far. */
    public static List<String> collect() {
        install();
        for (int round = 0; round < 5; round++) {
            System.gc();
            System.runFinalization();
            // detection happens inside track(), i.e. on allocation of a leak-aware buffer
            for (ByteBufAllocator alloc : List.of(PooledByteBufAllocator.DEFAULT,
                    UnpooledByteBufAllocator.DEFAULT, ByteBufAllocator.DEFAULT)) {
                for (int i = 0; i < 4; i++) {
                    ByteBuf b = alloc.directBuffer(8);
                    b.release();
                    b = alloc.heapBuffer(8);
                    b.release();
                }
            }
        }
        synchronized (LEAKS) {
            List<String> out = List.copyOf(LEAKS);
            LEAKS.clear();
            return out;
        }
    }

    @SuppressWarnings("unchecked")
    private static ResourceLeakDetector<ByteBuf> detector() {
        try {
            Field f = AbstractByteBuf.class.getDeclaredField("leakDetector");
            f.setAccessible(true);
            return (ResourceLeakDetector<ByteBuf>) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("NoLeaks.detector: cannot reach AbstractByteBuf.leakDetector", e);
        }
    }
}
