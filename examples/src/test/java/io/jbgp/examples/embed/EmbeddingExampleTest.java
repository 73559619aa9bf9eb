package io.jbgp.examples.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.fib.FibRoute;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example's own FIB sink prints one line per change. */
class EmbeddingExampleTest {
    private static final InetAddress B = IpPrefix.parseAddress("127.0.68.2");
    private static final IpPrefix NET_B = IpPrefix.parse("203.0.113.0/24");

    @Test
    void printingFibSinkPrintsWhatAHostWouldProgram() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmbeddingExample.PrintingFibSink sink = new EmbeddingExample.PrintingFibSink(
                new PrintStream(out, true, StandardCharsets.UTF_8));
        sink.install(new FibRoute(NET_B, List.of(new FibRoute.NextHop(B, "lo"))));
        sink.withdraw(NET_B);
        assertEquals("fib: install 203.0.113.0/24 via [NextHop[gateway=/127.0.68.2, interfaceName=lo]]\n"
                + "fib: withdraw 203.0.113.0/24\n", out.toString(StandardCharsets.UTF_8));
    }
}
