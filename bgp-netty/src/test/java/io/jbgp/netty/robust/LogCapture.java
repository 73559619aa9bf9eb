package io.jbgp.netty.robust;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Captures what the test's logging backend writes, while still passing it through. slf4j-simple
 * (the test-scope backend) writes each line to the <em>current</em> {@code System.err} (its
 * default output is not cached), so swapping {@code System.err} sees every logger, on every
 * thread (the RIB logs from its own executor). Restore with {@link #close}.
 */
final class LogCapture implements AutoCloseable {
    private final PrintStream real = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    LogCapture() {
        System.setErr(new PrintStream(new Tee(captured, real), true, StandardCharsets.UTF_8));
    }

    /** The lines logged so far that contain every one of {@code parts}. */
    List<String> lines(String... parts) {
        String all;
        synchronized (captured) {
            all = captured.toString(StandardCharsets.UTF_8);
        }
        return Arrays.stream(all.split("\n")).filter(l -> Arrays.stream(parts).allMatch(l::contains)).toList();
    }

    @Override
    public void close() {
        System.setErr(real);
    }

    private static final class Tee extends OutputStream {
        private final ByteArrayOutputStream a;
        private final OutputStream b;

        Tee(ByteArrayOutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            synchronized (a) {
                a.write(c);
            }
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            synchronized (a) {
                a.write(buf, off, len);
            }
            b.write(buf, off, len);
        }
    }
}
