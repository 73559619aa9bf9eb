package io.jbgp.examples.bgpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.examples.config.BgpdConfigParser;
import io.jbgp.examples.ctl.ActionResult;
import io.jbgp.examples.ctl.NeighborView;
import io.jbgp.rib.fib.InMemoryFibSink;
import io.jbgp.rib.origin.InMemorySystemRouteSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code reload} resets a session only when something the session carries changed: a new
 * description is shown at once and leaves the session alone (as in OpenBGPD, where {@code descr}
 * is display text), while a new hold time needs a new OPEN. The neighbors are passive, so no
 * packet leaves the host; the reload summary's reset count is what the daemon did.
 */
class BgpdReloadTest {
    private static String conf(String neighborLines) {
        return String.join("\n",
                "AS 65501",
                "router-id 10.1.0.1",
                "listen on 127.0.75.1 port 17675",
                "neighbor 127.0.75.2 {",
                "    remote-as 65502",
                "    passive",
                neighborLines,
                "}",
                "allow from any",
                "allow to any",
                "");
    }

    private static Bgpd start(String text) throws Exception {
        return Bgpd.start(BgpdConfigParser.parse("r.conf", text), Bgpd.Options.defaults()
                .withSystemRoutes(new InMemorySystemRouteSource(List.of())).withFibSink(new InMemoryFibSink()));
    }

    @Test
    void descriptionChangeIsShownWithoutResettingTheSession() throws Exception {
        try (Bgpd d = start(conf("    descr \"SiteB\""))) {
            ActionResult r = d.apply(BgpdConfigParser.parse("r.conf", conf("    descr \"SiteB-DUS\"")));
            assertTrue(r.ok(), r.message());
            assertEquals("reloaded: 0 neighbor(s) added, 0 removed, 0 reset; policies unchanged", r.message());
            NeighborView n = d.neighbors().get(0);
            assertEquals(Optional.of("SiteB-DUS"), n.description());
            // and taking the description away is just as harmless
            ActionResult gone = d.apply(BgpdConfigParser.parse("r.conf", conf("")));
            assertEquals("reloaded: 0 neighbor(s) added, 0 removed, 0 reset; policies unchanged", gone.message());
            assertEquals(Optional.empty(), d.neighbors().get(0).description());
        }
    }

    @Test
    void sessionParameterChangeStillResetsTheSession() throws Exception {
        try (Bgpd d = start(conf("    descr \"SiteB\""))) {
            ActionResult r = d.apply(BgpdConfigParser.parse("r.conf", conf("    descr \"SiteB\"\n    holdtime 30")));
            assertEquals("reloaded: 0 neighbor(s) added, 0 removed, 1 reset; policies unchanged", r.message());
            ActionResult both = d.apply(BgpdConfigParser.parse("r.conf", conf("    descr \"X\"\n    holdtime 60")));
            assertEquals("reloaded: 0 neighbor(s) added, 0 removed, 1 reset; policies unchanged", both.message());
            assertEquals(Optional.of("X"), d.neighbors().get(0).description());
        }
    }
}
