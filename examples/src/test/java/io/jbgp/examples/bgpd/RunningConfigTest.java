package io.jbgp.examples.bgpd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.examples.config.BgpdConfigParser;
import io.jbgp.rib.origin.NetworkStatement;
import io.jbgp.rib.origin.OriginConfig;
import io.jbgp.rib.origin.Overrides;
import java.net.Inet6Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** bgpd.conf onto the library's records: one PeerConfig per neighbor, the network statements. */
class RunningConfigTest {

    @Test
    void neighborsBecomePeerConfigsWithGroupSettingsAndGlobalTimers() throws Exception {
        RunningConfig rc = RunningConfig.of(BgpdConfigParser.parse("n.conf", String.join("\n",
                "AS 65501", "router-id 10.1.0.1", "holdtime 30", "connect-retry 7",
                "group \"g\" {", " remote-as 65502", " passive", " tcp md5sig password \"s3cret\"",
                " neighbor 203.0.113.2 { descr \"SiteB\"\n local-address 203.0.113.1\n port 1179\n"
                        + " announce IPv6 unicast\n ttl-security yes\n max-prefix 100 }",
                "}", "")), Bgpd.Options.defaults().withLocalV6((Inet6Address) IpPrefix.parseAddress("2001:db8::1")));
        PeerConfig want = PeerConfig.builder(IpPrefix.parseAddress("203.0.113.2"), Asn.of(65502)).port(1179)
                .passive(true).description("SiteB").localAddress(IpPrefix.parseAddress("203.0.113.1"))
                .family(AddressFamily.IPV4_UNICAST).family(AddressFamily.IPV6_UNICAST)
                .timers(TimerConfig.builder().holdTime(Duration.ofSeconds(30)).connectRetry(Duration.ofSeconds(7))
                        .build())
                .md5Password("s3cret").ttlSecurity(1).maxPrefixes(100)
                .shutdownCommunication(RunningConfig.SHUTDOWN_COMMUNICATION).build();
        assertEquals(List.of(want), List.copyOf(rc.peers().values()));
        assertEquals(IpPrefix.parseAddress("2001:db8::1"),
                rc.settings().get(want.remoteAddress()).localV6().orElseThrow());
    }

    /**
     * bgpd keeps one local-address per family and binds the one of the neighbor's family; a
     * group's IPv6 address must not become the source of an IPv4 session (it could never
     * connect). Ours also uses it as the IPv6 next hop on that IPv4 session, so IPv6 routes can
     * be announced over it even where no IPv6 address sits beside the IPv4 one (loopback).
     */
    @Test
    void localAddressIsKeptPerFamilyAndTheOtherFamilysIsTheNextHopSelf() throws Exception {
        RunningConfig rc = RunningConfig.of(BgpdConfigParser.parse("l.conf", String.join("\n",
                "AS 65501", "router-id 10.1.0.1",
                "group \"g\" {", " remote-as 65502", " local-address 127.0.10.1", " local-address ::1",
                " announce IPv6 unicast",
                " neighbor 127.0.10.2 { passive }",
                " neighbor 2001:db8::2 { passive }",
                "}", "")), Bgpd.Options.defaults());
        PeerConfig v4 = rc.peers().get(IpPrefix.parseAddress("127.0.10.2"));
        PeerConfig v6 = rc.peers().get(IpPrefix.parseAddress("2001:db8::2"));
        assertEquals(java.util.Optional.of(IpPrefix.parseAddress("127.0.10.1")), v4.localAddress());
        assertEquals(java.util.Optional.of(IpPrefix.parseAddress("::1")), v6.localAddress());
        assertEquals(java.util.Optional.of(IpPrefix.parseAddress("::1")),
                rc.settings().get(v4.remoteAddress()).localV6().map(a -> (java.net.InetAddress) a));
        assertEquals(java.util.Optional.of(IpPrefix.parseAddress("127.0.10.1")),
                rc.settings().get(v6.remoteAddress()).localV4().map(a -> (java.net.InetAddress) a));
        // and "show config" writes both back
        String shown = io.jbgp.examples.config.BgpdConfigWriter.render(rc.config());
        assertEquals(2, io.jbgp.examples.config.BgpdConfigWriter.render(rc.config()).lines()
                .filter(l -> l.strip().startsWith("local-address")).count(), shown);
    }

    @Test
    void networkStatementsKeepTheirOrderAndExclusions() throws Exception {
        RunningConfig rc = RunningConfig.of(BgpdConfigParser.parse(Path.of("conf/site-a.conf")),
                Bgpd.Options.defaults());
        assertEquals(OriginConfig.of(new NetworkStatement.Connected(AddressFamily.IPV4_UNICAST, PathAttributes.EMPTY),
                new NetworkStatement.Static(AddressFamily.IPV4_UNICAST, PathAttributes.EMPTY)), rc.origin());
        RunningConfig guarded = RunningConfig.of(BgpdConfigParser.parse("g.conf",
                "AS 65501\nrouter-id 10.1.0.1\nnetwork inet connected exclude interface { em0, em3 }"
                        + " exclude prefix 203.0.113.0/24\nnetwork 198.51.100.0/24\n"), Bgpd.Options.defaults());
        assertEquals(OriginConfig.of(new NetworkStatement.Connected(AddressFamily.IPV4_UNICAST, PathAttributes.EMPTY,
                        new Overrides(Set.of(), Set.of("em0", "em3"), Set.of(), Set.of(IpPrefix.parse("203.0.113.0/24")))),
                new NetworkStatement.Prefix(IpPrefix.parse("198.51.100.0/24"), PathAttributes.EMPTY)), guarded.origin());
    }
}
