package io.jbgp.rib;

import static io.jbgp.rib.TestRoutes.LOCAL_AS;
import static io.jbgp.rib.TestRoutes.LOCAL_ID;
import static io.jbgp.rib.TestRoutes.addr;
import static io.jbgp.rib.TestRoutes.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.policy.Policies;
import io.jbgp.rib.table.BestPathChange;
import io.jbgp.rib.table.Neighbor;
import io.jbgp.rib.table.PeerSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay scenarios (STYLE §10.6, Holo conformance style): {@code events.jsonl} drives a Rib,
 * {@code expected.jsonl} lists the best-path changes it must emit, in order. The files are
 * small and reviewable; a behaviour change shows up as a diff of one line.
 */
class RibReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"med-nexthop-peerdown"})
    void replay(String scenario) throws IOException {
        Rib rib = new Rib(RibConfig.of(LOCAL_AS, LOCAL_ID), RibExecutor.direct());
        List<Map<String, String>> got = new ArrayList<>();
        rib.addListener(new RibListener() {
            @Override
            public void bestPathChanged(BestPathChange c) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("prefix", c.prefix().toString());
                m.put("best", c.newBest().map(r -> ((PeerSource) r.source()).address().getHostAddress()).orElse(null));
                m.put("reason", c.reason().map(v -> v.decidedBy().description()).orElse(null));
                got.add(m);
            }
        });
        for (Map<String, String> e : read(scenario, "events.jsonl")) {
            rib.post(command(e));
        }
        assertEquals(read(scenario, "expected.jsonl"), got);
    }

    private static RibCommand command(Map<String, String> e) {
        switch (e.get("op")) {
            case "host-route":
            case "remove-host-route": {
                SystemRoute r = e.containsKey("via")
                        ? SystemRoute.staticRoute(prefix(e.get("prefix")), addr(e.get("via")), e.get("dev"))
                        : SystemRoute.connected(prefix(e.get("prefix")), e.get("dev"));
                return new RibCommand.SystemRouteChanged(r, e.get("op").equals("host-route"));
            }
            case "peer-up":
                return new RibCommand.PeerUp(Neighbor.of(addr(e.get("peer")), Asn.parse(e.get("as")),
                        RouterId.parse(e.get("id")), LOCAL_AS, addr("10.0.0.1")), CodecContext.DEFAULT,
                        new RecordingOutbound(), Optional.of(Policies.allowAll()), Optional.of(Policies.allowAll()));
            case "peer-down":
                return new RibCommand.PeerDown(addr(e.get("peer")));
            case "announce": {
                AttributeSet.Builder b = AttributeSet.builder().nextHop(addr(e.get("nexthop")))
                        .asPath(AsPath.sequence(Arrays.stream(e.get("aspath").split(" ")).mapToLong(Long::parseLong)
                                .toArray()));
                if (e.containsKey("med")) {
                    b.med(Long.parseLong(e.get("med")));
                }
                return new RibCommand.Update(addr(e.get("peer")), UpdateMessage.announce(
                        b.build().toPathAttributes(true), List.of(Nlri.of(prefix(e.get("prefix"))))));
            }
            case "withdraw":
                return new RibCommand.Update(addr(e.get("peer")),
                        UpdateMessage.withdraw(List.of(Nlri.of(prefix(e.get("prefix"))))));
            default:
                throw new IllegalArgumentException("unknown replay op " + e);
        }
    }

    private static List<Map<String, String>> read(String scenario, String file) throws IOException {
        String path = "/replay/" + scenario + "/" + file;
        try (InputStream in = RibReplayTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing " + path);
            }
            List<Map<String, String>> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(flatObject(line));
                }
            }
            return out;
        }
    }

    /** Parses one flat JSON object whose values are strings, numbers or null (no nesting). */
    static Map<String, String> flatObject(String json) {
        Map<String, String> m = new LinkedHashMap<>();
        String s = json.trim();
        if (!s.startsWith("{") || !s.endsWith("}")) {
            throw new IllegalArgumentException("not a flat JSON object: " + json);
        }
        int i = 1;
        while (i < s.length() - 1) {
            int k0 = s.indexOf('"', i);
            if (k0 < 0) {
                break;
            }
            int k1 = s.indexOf('"', k0 + 1);
            int colon = s.indexOf(':', k1);
            int v = colon + 1;
            while (s.charAt(v) == ' ') {
                v++;
            }
            String value;
            if (s.charAt(v) == '"') {
                int end = s.indexOf('"', v + 1);
                value = s.substring(v + 1, end);
                i = end + 1;
            } else {
                int end = v;
                while (end < s.length() - 1 && s.charAt(end) != ',') {
                    end++;
                }
                String raw = s.substring(v, end).trim();
                value = raw.equals("null") ? null : raw;
                i = end;
            }
            m.put(s.substring(k0 + 1, k1), value);
            i = s.indexOf(',', i) < 0 ? s.length() : s.indexOf(',', i) + 1;
        }
        return m;
    }
}
