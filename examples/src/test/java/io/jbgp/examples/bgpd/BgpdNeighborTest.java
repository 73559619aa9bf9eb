package io.jbgp.examples.bgpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.fsm.SessionState;
import io.jbgp.examples.config.BgpdConfigParser;
import io.jbgp.examples.ctl.ControlDispatcher;
import io.jbgp.examples.ctl.ControlResponse;
import io.jbgp.examples.ctl.NeighborDetailView;
import io.jbgp.examples.ctl.NeighborView;
import io.jbgp.rib.fib.InMemoryFibSink;
import io.jbgp.rib.origin.InMemorySystemRouteSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code show neighbor} of a daemon whose neighbors never connect (all passive): the RFC 8212
 * status per direction from the filter rules, no session, no last error, and never the TCP MD5
 * password, in text or JSON, nor in {@code show config}.
 */
class BgpdNeighborTest {
    private static final String PASSWORD = "s3cr3t-Pw0rd";
    private static final String CONF = String.join("\n",
            "AS 65501",
            "router-id 10.1.0.1",
            "listen on 127.0.74.1 port 17674",
            "neighbor 127.0.74.2 {",
            "    remote-as 65502",
            "    descr \"allowed\"",
            "    passive",
            "    tcp md5sig password \"" + PASSWORD + "\"",
            "}",
            "neighbor 127.0.74.3 {",
            "    remote-as 65503",
            "    passive",
            "}",
            "neighbor 127.0.74.4 {",
            "    remote-as 65501",
            "    passive",
            "}",
            "deny from any",
            "allow from 127.0.74.2",
            "allow to ebgp",
            "");

    private static Bgpd start() throws Exception {
        return Bgpd.start(BgpdConfigParser.parse("n.conf", CONF), Bgpd.Options.defaults()
                .withSystemRoutes(new InMemorySystemRouteSource(List.of())).withFibSink(new InMemoryFibSink()));
    }

    @Test
    void policyStatusNamesTheRfc8212DefaultForEbgpOnly() throws Exception {
        try (Bgpd d = start()) {
            assertEquals(List.of("127.0.74.2", "127.0.74.3", "127.0.74.4"), d.neighborDetails().stream()
                    .map(n -> n.summary().address().getHostAddress()).toList(), "configuration order");
            Map<String, NeighborDetailView> byAddress = d.neighborDetails().stream()
                    .collect(Collectors.toMap(n -> n.summary().address().getHostAddress(), Function.identity()));
            NeighborDetailView allowed = byAddress.get("127.0.74.2");
            assertEquals("filter rules allow from this neighbor", allowed.importStatus());
            assertEquals("filter rules allow to this neighbor", allowed.exportStatus());
            assertEquals(Optional.of("allowed"), allowed.summary().description());
            NeighborDetailView ebgp = byAddress.get("127.0.74.3");
            assertEquals("RFC 8212: no import policy, accepting nothing", ebgp.importStatus());
            assertEquals("filter rules allow to this neighbor", ebgp.exportStatus());
            // iBGP: the default deny still applies, but it is not RFC 8212's doing
            NeighborDetailView ibgp = byAddress.get("127.0.74.4");
            assertEquals("no filter rule allows from this neighbor, accepting nothing", ibgp.importStatus());
            assertEquals("no filter rule allows to this neighbor, announcing nothing", ibgp.exportStatus());
            for (NeighborDetailView n : byAddress.values()) {
                assertEquals(Optional.empty(), n.session(), n.toString());
                assertEquals(Optional.empty(), n.lastDown(), n.toString());
                NeighborView s = n.summary();
                assertTrue(s.state() != SessionState.ESTABLISHED, s.toString());
                assertEquals(List.of(0L, 0L, 0L, 0L), List.of(s.prefixesReceived(), s.prefixesSent(),
                        s.updatesIn(), s.updatesOut()), s.toString());
            }
            assertEquals(List.of(), d.nexthops());
        }
    }

    @Test
    void noShowCommandPrintsThePassword() throws Exception {
        try (Bgpd d = start()) {
            ControlDispatcher ctl = new ControlDispatcher(d);
            for (String cmd : List.of("show neighbor", "-j show neighbor", "show neighbor 127.0.74.2",
                    "-j show neighbor 127.0.74.2", "show config", "-j show config", "show summary",
                    "-j show summary")) {
                ControlResponse r = ctl.handle(cmd);
                assertTrue(r.ok(), cmd + ": " + r.body());
                String all = r.body();
                assertFalse(all.contains(PASSWORD), cmd + ": " + all);
                assertFalse(all.contains("s3cr3t"), cmd + ": " + all);
            }
            // the configuration is shown, with the secret masked, so the check above is not vacuous
            assertTrue(ctl.handle("show config").body().contains("tcp md5sig password ********"),
                    ctl.handle("show config").body());
            assertTrue(ctl.handle("show neighbor 127.0.74.2").body().contains("BGP neighbor is 127.0.74.2"));
        }
    }
}
