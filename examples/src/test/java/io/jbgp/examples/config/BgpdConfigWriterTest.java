package io.jbgp.examples.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Exact output of the writer: layout, defaults made explicit, secrets masked. */
class BgpdConfigWriterTest {

    private static final String SOURCE = String.join("\n",
            "peer = \"172.19.0.2\"",
            "AS 65501",
            "router-id 10.1.0.1",
            "listen on 0.0.0.0",
            "listen on 2001:db8:0:0::1 port 1179",
            "socket \"/run/jbgp/site-a.sock\"",
            "prefix-set \"lan\" { 10.1.0.0/24, 10.1.1.0/24 }",
            "prefix-set bogons { 10.0.0.0/8 or-longer 2001:db8::/32 prefixlen 33 - 48 }",
            "network 198.51.100.0/24",
            "network inet connected exclude interface { em0, \"wan 1\" } exclude prefix 203.0.113.0/24",
            "network inet6 static include prefix 2001:db8::/32",
            "network prefix-set lan",
            "group \"BGPGroupDUS\" {",
            "\tremote-as 65502",
            "\ttcp md5sig password \"very secret\"",
            "\tneighbor $peer { descr \"SiteB\"; holdtime 30; max-prefix 1000 restart 5 }",
            "}",
            "neighbor 2001:db8::2 { remote-as 65503; passive; ttl-security yes; announce IPv6 unicast",
            "  announce IPv4 none; port 1179; local-address 2001:db8::1 }",
            "deny from any",
            "allow quick from $peer prefix 10.2.0.0/16 or-longer source-as 65502 set { localpref 200, community NO_EXPORT }",
            "match to group \"BGPGroupDUS\" prefix 198.51.100.0/24 prefixlen >= 25 community 65501:1 "
                    + "large-community 65501:1:2 set prepend-self 2",
            "allow to ebgp AS 65502 set { med 10 nexthop self }",
            "");

    private static final String EXPECTED = String.join("\n",
            "AS 65501",
            "router-id 10.1.0.1",
            "listen on 0.0.0.0",
            "listen on 2001:db8::1 port 1179",
            "socket \"/run/jbgp/site-a.sock\"",
            "holdtime 90",
            "connect-retry 120",
            "fib-update yes",
            "",
            "prefix-set \"lan\" {",
            "\t10.1.0.0/24,",
            "\t10.1.1.0/24",
            "}",
            "",
            "prefix-set \"bogons\" {",
            "\t10.0.0.0/8 or-longer,",
            "\t2001:db8::/32 prefixlen 33 - 48",
            "}",
            "",
            "network 198.51.100.0/24",
            "network inet connected exclude interface { em0, \"wan 1\" } exclude prefix 203.0.113.0/24",
            "network inet6 static include prefix 2001:db8::/32",
            "network prefix-set \"lan\"",
            "",
            "group \"BGPGroupDUS\" {",
            "\tremote-as 65502",
            "\ttcp md5sig password ********",
            "\tneighbor 172.19.0.2 {",
            "\t\tdescr \"SiteB\"",
            "\t\tholdtime 30",
            "\t\tmax-prefix 1000 restart 5",
            "\t}",
            "}",
            "",
            "neighbor 2001:db8::2 {",
            "\tremote-as 65503",
            "\tpassive",
            "\tlocal-address 2001:db8::1",
            "\tport 1179",
            "\tttl-security yes",
            "\tannounce IPv4 none",
            "\tannounce IPv6 unicast",
            "}",
            "",
            "deny from any",
            "allow quick from 172.19.0.2 prefix 10.2.0.0/16 or-longer source-as 65502 "
                    + "set { localpref 200, community NO_EXPORT }",
            "match to group \"BGPGroupDUS\" prefix 198.51.100.0/24 prefixlen >= 25 "
                    + "community 65501:1 large-community 65501:1:2 set prepend-self 2",
            "allow to ebgp AS 65502 set { med 10, nexthop self }",
            "");

    @Test
    void rendersTheEffectiveConfigWithSecretsMasked() throws Exception {
        BgpdConfig c = BgpdConfigParser.parse("bgpd.conf", SOURCE);
        assertEquals(EXPECTED, BgpdConfigWriter.render(c));
    }

    @Test
    void renderWithSecretsKeepsThePasswordForFiles() throws Exception {
        BgpdConfig c = BgpdConfigParser.parse("bgpd.conf", SOURCE);
        assertEquals(EXPECTED.replace("password ********", "password \"very secret\""),
                BgpdConfigWriter.renderWithSecrets(c));
    }

    @Test
    void maskedOutputDoesNotParseBackToTheSamePassword() throws Exception {
        BgpdConfig c = BgpdConfigParser.parse("bgpd.conf", SOURCE);
        BgpdConfig reparsed = BgpdConfigParser.parse("shown.conf", BgpdConfigWriter.render(c));
        assertEquals("********",
                reparsed.groups().get(0).settings().md5Password().orElseThrow().value());
    }

    @Test
    void minimalConfigRendersDefaults() throws Exception {
        assertEquals("AS 1\nholdtime 90\nconnect-retry 120\nfib-update yes\n",
                BgpdConfigWriter.render(BgpdConfigParser.parse("x", "AS 1")));
    }

    @Test
    void unquotableDescriptionIsRefusedNotMangled() {
        BgpdConfig c = new BgpdConfig(io.jbgp.core.types.Asn.of(1), java.util.Optional.empty(),
                java.util.List.of(), java.util.Optional.empty(), 90, 120, true,
                java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(new NeighborConfig(
                        io.jbgp.core.types.IpPrefix.parseAddress("10.0.0.2"),
                        PeerSettings.builder().remoteAs(io.jbgp.core.types.Asn.of(2))
                                .description("trailing\\").build())),
                java.util.List.of());
        assertThrows(IllegalArgumentException.class, () -> BgpdConfigWriter.render(c));
    }
}
