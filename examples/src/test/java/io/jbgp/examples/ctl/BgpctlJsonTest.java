package io.jbgp.examples.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bgpctl -j output: exact documents, and valid JSON whatever the strings contain. */
class BgpctlJsonTest {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void summaryDocument() {
        String json = BgpctlJson.summary(ViewFixtures.NEIGHBORS.subList(0, 3));
        assertEquals("{\"neighbors\":[{\"address\":\"172.19.0.2\",\"remote_as\":65502,"
                + "\"description\":\"SiteB\",\"state\":\"Established\",\"uptime_s\":199020,"
                + "\"last_updown_s\":199020,"
                + "\"prefixes_received\":2,\"prefixes_sent\":3,\"messages_received\":10134,"
                + "\"messages_sent\":10135,\"updates_received\":3562,"
                + "\"updates_sent\":3563,\"out_queue\":0},"
                + "{\"address\":\"2001:db8::2\",\"remote_as\":4200000001,\"description\":null,"
                + "\"state\":\"Active\",\"uptime_s\":null,\"last_updown_s\":3723,"
                + "\"prefixes_received\":0,"
                + "\"prefixes_sent\":0,\"messages_received\":34,\"messages_sent\":32,"
                + "\"updates_received\":12,\"updates_sent\":10,"
                + "\"out_queue\":0},"
                + "{\"address\":\"198.51.100.8\",\"remote_as\":65503,"
                + "\"description\":\"A-very-long-description\",\"state\":\"Idle\","
                + "\"uptime_s\":null,\"last_updown_s\":null,\"prefixes_received\":0,"
                + "\"prefixes_sent\":0,\"messages_received\":0,\"messages_sent\":0,"
                + "\"updates_received\":0,\"updates_sent\":0,\"out_queue\":0}]}\n", json);
        // and it is JSON a strict parser accepts, with the values typed as promised
        Map<String, Object> doc = TinyJson.object(json);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ns = (List<Map<String, Object>>) doc.get("neighbors");
        assertEquals(65502L, ns.get(0).get("remote_as"));
        assertEquals(null, ns.get(1).get("description"));
        assertEquals(null, ns.get(2).get("uptime_s"));
        // uptime counts only while Established
        assertEquals(null, ns.get(1).get("uptime_s"));
        assertEquals(3723L, ns.get(1).get("last_updown_s"));
    }

    @Test
    void neighborDocumentCarriesTheSessionAndPolicyStatus() {
        Map<String, Object> doc = TinyJson.object(BgpctlJson.neighbors(ViewFixtures.DETAILS));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ns = (List<Map<String, Object>>) doc.get("neighbors");
        assertEquals(2, ns.size());
        Map<String, Object> up = ns.get(0);
        assertEquals("Established", up.get("state"));
        assertEquals(199020L, up.get("uptime_s"));
        assertEquals(null, up.get("last_down"));
        assertEquals(map("local_address", "172.19.0.1", "remote_router_id", "10.2.0.1",
                "hold_time", 90L, "keepalive", 30L, "families", List.of("IPv4 unicast", "IPv6 unicast"),
                "capabilities", List.of("4-octet AS", "route refresh"),
                "peer_capabilities", List.of("Multiprotocol extensions: IPv4 unicast", "Route Refresh")),
                up.get("session"));
        assertEquals("filter rules allow from this neighbor", up.get("import"));
        Map<String, Object> down = ns.get(1);
        assertEquals(null, down.get("session"));
        assertEquals("NOTIFICATION received: Cease / Administrative Shutdown, \"bye\"", down.get("last_down"));
        assertEquals("RFC 8212: no import policy, accepting nothing", down.get("import"));
        assertEquals("RFC 8212: no export policy, announcing nothing", down.get("export"));
        assertEquals(12L, down.get("updates_received"));
        assertEquals(34L, down.get("messages_received"));
    }

    @Test
    void neighborDocumentCarriesTheMessageStatistics() {
        Map<String, Object> doc = TinyJson.object(BgpctlJson.neighbors(ViewFixtures.DETAILS));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ns = (List<Map<String, Object>>) doc.get("neighbors");
        Map<String, Object> counts = map("opens", 1L, "notifications", 0L, "updates", 3563L,
                "keepalives", 6570L, "route_refresh", 1L, "total", 10135L, "prefixes_announced", 3L,
                "prefixes_withdrawn", 1L, "end_of_rib", 2L, "refresh_requests", 1L, "begin_of_rr", 0L,
                "end_of_rr", 0L);
        Map<String, Object> up = statistics(ns.get(0));
        assertEquals(counts, up.get("sent"));
        @SuppressWarnings("unchecked")
        Map<String, Object> received = (Map<String, Object>) up.get("received");
        assertEquals(10134L, received.get("total"));
        assertEquals(4100L, received.get("prefixes_announced"));
        assertEquals(0L, up.get("out_queue"));
        assertEquals(0L, up.get("out_queue_bytes"));
        assertEquals(null, up.get("last_notification_sent"));
        assertEquals(null, up.get("last_notification_received"));
        Map<String, Object> down = statistics(ns.get(1));
        assertEquals(map("code", 6L, "subcode", 2L, "error", "Cease / Administrative Shutdown",
                "communication", "bye"), down.get("last_notification_received"));
        assertEquals(null, down.get("last_notification_sent"));
        // the summary rows stay without the tables
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) TinyJson.object(
                BgpctlJson.summary(ViewFixtures.NEIGHBORS)).get("neighbors");
        assertTrue(rows.stream().noneMatch(r -> r.containsKey("statistics")), rows.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statistics(Map<String, Object> neighbor) {
        return (Map<String, Object>) neighbor.get("statistics");
    }

    @Test
    void nexthopDocument() {
        assertEquals("{\"nexthops\":[{\"nexthop\":\"172.19.0.2\",\"state\":\"reachable\","
                + "\"route\":\"172.19.0.0/24\",\"gateway\":\"172.19.0.2\",\"interface\":\"ipsec1\","
                + "\"cost\":0,\"prefixes\":2},{\"nexthop\":\"198.51.100.9\",\"state\":\"reachable\","
                + "\"route\":\"198.51.100.0/24\",\"gateway\":\"198.51.100.1\",\"interface\":\"em0\","
                + "\"cost\":20,\"prefixes\":1},{\"nexthop\":\"203.0.113.7\",\"state\":\"unreachable\","
                + "\"route\":null,\"gateway\":null,\"interface\":\"\",\"cost\":0,\"prefixes\":3}]}\n",
                BgpctlJson.nexthops(ViewFixtures.NEXTHOPS));
        assertEquals("{\"nexthops\":[]}\n", BgpctlJson.nexthops(List.of()));
    }

    @Test
    void ribDocumentParsesBackToTheRows() {
        Map<String, Object> doc = TinyJson.object(BgpctlJson.rib(ViewFixtures.RIB));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) doc.get("rib");
        assertEquals(4, rows.size());
        assertEquals(map("prefix", "10.2.0.0/24", "nexthop", "172.19.0.2", "from", "172.19.0.2",
                "as_path", List.of(65502L), "origin", "IGP", "local_pref", 100L, "med", 0L,
                "communities", List.of("65502:100", "NO_EXPORT"), "best", true,
                "reason", "lowest AS path length", "eligible", true, "ibgp", false), rows.get(0));
        // our own route: "local", never null
        assertEquals(map("prefix", "10.1.0.0/24", "nexthop", "0.0.0.0", "from", "local",
                "as_path", List.of(), "origin", "IGP", "local_pref", 100L, "med", 0L,
                "communities", List.of(), "best", true, "reason", "locally originated",
                "eligible", true, "ibgp", false), rows.get(2));
        assertEquals(Arrays.asList(65504L, 65502L), rows.get(1).get("as_path"));
        assertEquals("INCOMPLETE", rows.get(1).get("origin"));
        assertEquals(false, rows.get(3).get("eligible"));
    }

    @Test
    void fibAndNetworkDocuments() {
        assertEquals("{\"fib\":[{\"prefix\":\"10.2.0.0/24\",\"nexthop\":\"172.19.0.2\","
                + "\"interface\":\"ipsec1\"},{\"prefix\":\"10.1.0.0/24\",\"nexthop\":null,"
                + "\"interface\":\"em1\"}]}\n", BgpctlJson.fib(ViewFixtures.FIB));
        assertEquals("{\"networks\":[{\"prefix\":\"10.1.0.0/24\",\"statement\":"
                + "\"network inet connected\",\"included\":true,\"reason\":\"\"},"
                + "{\"prefix\":\"203.0.113.0/28\",\"statement\":\"network inet connected\","
                + "\"included\":false,\"reason\":\"excluded interface em0\"}]}\n",
                BgpctlJson.networks(ViewFixtures.NETWORKS));
        assertEquals("{\"fib\":[]}\n", BgpctlJson.fib(List.of()));
    }

    @Test
    void actionConfigAndErrorDocuments() {
        assertEquals("{\"ok\":true,\"message\":\"request sent.\"}\n",
                BgpctlJson.action(ActionResult.done("request sent.")));
        assertEquals("{\"error\":\"no such neighbor 10.0.0.9\"}\n",
                BgpctlJson.error("no such neighbor 10.0.0.9"));
        assertEquals("{\"config\":\"AS 1\\n\\tholdtime 90\\n\"}\n",
                BgpctlJson.config("AS 1\n\tholdtime 90\n"));
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("{\"error\":\"a\\\"b\\\\c\\u0001\\u001f\\r\\b\\f\\u007f?\"}\n"
                        .replace("\\u007f", "\u007f"),
                BgpctlJson.error("a\"b\\c\u0001\u001f\r\b\f\u007f?"));
        assertEquals("{\"error\":\"\\ud800x\"}\n", BgpctlJson.error("\ud800x"));
        assertEquals("{\"error\":\"\ud83d\ude00\"}\n", BgpctlJson.error("\ud83d\ude00"));
    }

    @Test
    void anyStringSurvivesTheJsonRoundTrip() {
        // ASCII with control characters, where the escapes live; then the whole of Unicode,
        // where unpaired surrogates live
        qt().withFixedSeed(98L).withExamples(2000)
                .forAll(strings().betweenCodePoints(0, 0x7f).ofLengthBetween(0, 40))
                .checkAssert(s -> assertEquals(Map.of("error", s),
                        TinyJson.object(BgpctlJson.error(s))));
        qt().withFixedSeed(99L).withExamples(2000)
                .forAll(strings().allPossible().ofLengthBetween(0, 40))
                .checkAssert(s -> assertEquals(Map.of("error", s),
                        TinyJson.object(BgpctlJson.error(s))));
    }
}
