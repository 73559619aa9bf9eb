package io.jbgp.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's main command, in-process: both sites converge on loopback and the printout shows,
 * per site, the session Established with the other's three prefixes, every path with the best
 * marked, the other site's LANs in the forwarding table, and the WAN subnet held back.
 */
class DemoIT {

    @Test
    void demoConvergesAndPrintsStatusRoutingAndForwardingTablesOfBothSites() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Demo.run(new String[] {"--prefix", "127.0.69", "--port", "17369", "--timeout", "40"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, () -> text + err);
        String[] sites = text.split("=== Site B");
        assertEquals(2, sites.length, text);
        String a = sites[0];
        String b = sites[1];
        // Status: the neighbor with an uptime and 3 prefixes received
        assertTrue(Pattern.compile("SiteB\\s+65502\\s+\\d+\\s+\\d+\\s+\\d+ \\d\\d:\\d\\d:\\d\\d\\s+3\\n").matcher(a).find(), a);
        assertTrue(Pattern.compile("SiteA\\s+65501\\s+\\d+\\s+\\d+\\s+\\d+ \\d\\d:\\d\\d:\\d\\d\\s+3\\n").matcher(b).find(), b);
        // Routing table: own routes announced, the other's selected with its AS in the path
        assertTrue(a.contains("AI*>  198.51.100.0/25      0.0.0.0"), a);
        assertTrue(a.contains("*>    203.0.113.0/25       127.0.69.2        100     0 65502 i"), a);
        assertTrue(a.contains("*>    2001:db8:b::/48      2001:db8:ffff::2"), a);
        assertTrue(b.contains("*>    198.51.100.128/26    127.0.69.1        100     0 65501 i"), b);
        // Forwarding table: the other site's LANs, next hop resolved on an interface
        assertTrue(a.contains("203.0.113.0/25       127.0.69.2      lo"), a);
        assertTrue(b.contains("2001:db8:a::/48      2001:db8:ffff::1 vti0"), b);
        // the WAN subnet is held back and never reaches the other side
        assertTrue(a.contains("198.51.100.192/26    no        network inet connected"), a);
        assertTrue(!b.contains("198.51.100.192/26    127.0.69.1"), b);
        assertTrue(text.contains("converged:"), text);
    }
}
