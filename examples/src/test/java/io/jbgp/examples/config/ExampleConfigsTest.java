package io.jbgp.examples.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbgp.core.types.Afi;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The write-up's two sites, as shipped in {@code examples/conf}, parse to what they say. */
class ExampleConfigsTest {
    private static final Path CONF = Path.of("conf");

    @Test
    void siteAIsTheWriteUpsConfig() throws Exception {
        BgpdConfig a = BgpdConfigParser.parse(CONF.resolve("site-a.conf"));
        assertEquals(Asn.of(65501), a.asn());
        assertEquals(Optional.of(RouterId.parse("10.1.0.1")), a.routerId());
        assertEquals(List.of(), a.listen());
        assertEquals(90, a.holdTime());
        assertTrue(a.fibUpdate());
        assertEquals(List.of(new NetworkConfig.Connected(Afi.IPV4, LeakGuard.NONE),
                new NetworkConfig.Static(Afi.IPV4, LeakGuard.NONE)), a.networks());
        GroupConfig g = a.groups().get(0);
        assertEquals("BGPGroupDUS", g.name());
        assertEquals(PeerSettings.builder().remoteAs(Asn.of(65502)).build(), g.settings());
        List<ResolvedNeighbor> peers = a.resolvedNeighbors();
        assertEquals(1, peers.size());
        ResolvedNeighbor b = peers.get(0);
        assertEquals(IpPrefix.parseAddress("172.19.0.2"), b.address());
        assertEquals(Asn.of(65502), b.remoteAs());
        assertEquals(Optional.of("SiteB"), b.settings().description());
        assertEquals(Optional.of(IpPrefix.parseAddress("172.19.0.1")), b.settings().localAddress(b.address()));
        assertTrue(b.announces(Afi.IPV4));
        assertEquals(List.of(
                "deny from any", "deny to any", "allow from 172.19.0.2", "allow to 172.19.0.2"),
                a.filters().stream().map(BgpdConfigWriter::filterRule)
                        .collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void siteBMirrorsSiteA() throws Exception {
        BgpdConfig b = BgpdConfigParser.parse(CONF.resolve("site-b.conf"));
        assertEquals(Asn.of(65502), b.asn());
        assertEquals(Optional.of(RouterId.parse("10.2.0.1")), b.routerId());
        assertEquals(List.of(new BgpdConfig.ListenConfig(IpPrefix.parseAddress("0.0.0.0"), 179)),
                b.listen());
        ResolvedNeighbor a = b.resolvedNeighbors().get(0);
        assertEquals(IpPrefix.parseAddress("172.19.0.1"), a.address());
        assertEquals(Asn.of(65501), a.remoteAs());
        assertEquals(Optional.of("BGPGroupSiteA"), a.group());
        assertEquals(4, b.filters().size());
    }

    @Test
    void examplesSurviveARenderRoundTrip() throws Exception {
        for (String name : new String[] {"site-a.conf", "site-b.conf"}) {
            BgpdConfig c = BgpdConfigParser.parse(CONF.resolve(name));
            assertEquals(c, BgpdConfigParser.parse(name, BgpdConfigWriter.renderWithSecrets(c)));
        }
    }

    @Test
    void frrSiteBSaysWhatSiteBSays() throws Exception {
        BgpdConfig b = BgpdConfigParser.parse(CONF.resolve("site-b.conf"));
        String frr = Files.readString(CONF.resolve("frr-site-b.conf"), StandardCharsets.UTF_8);
        ResolvedNeighbor peer = b.resolvedNeighbors().get(0);
        String addr = BgpdConfigWriter.address(peer.address());
        assertTrue(frr.contains("router bgp " + b.asn().value() + "\n"), frr);
        assertTrue(frr.contains("bgp router-id " + b.routerId().orElseThrow() + "\n"), frr);
        assertTrue(frr.contains("neighbor " + peer.group().orElseThrow() + " remote-as "
                + peer.remoteAs().value() + "\n"), frr);
        assertTrue(frr.contains("neighbor " + addr + " peer-group " + peer.group().get()), frr);
        assertTrue(frr.contains("neighbor " + addr + " description "
                + peer.settings().description().orElseThrow()), frr);
        assertTrue(frr.contains("timers bgp " + b.holdTime() / 3 + " " + b.holdTime()), frr);
        assertTrue(frr.contains("redistribute connected\n") && frr.contains("redistribute static\n"));
    }

    @Test
    void frrSiteBPassesVtyshDryRun() throws Exception {
        Path vtysh = Path.of("/usr/bin/vtysh");
        assumeTrue(Files.isExecutable(vtysh), "FRR vtysh not installed");
        Process p = new ProcessBuilder(vtysh.toString(), "-C", "-f",
                CONF.resolve("frr-site-b.conf").toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "vtysh -C timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
    }
}
