package io.jbgp.core.fsm;

import static io.jbgp.core.fsm.FsmFixtures.LOCAL_END;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_END;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbgp.core.message.Capability;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay scenarios (STYLE §10.6): {@code replay/<scenario>/events.jsonl} feeds a {@link Session}
 * line by line, {@code expected.jsonl} holds the state and the rendered actions after each line.
 * The files are small and reviewable; they pin down behaviour across refactors. The JSON is flat
 * (one object per line, string/number/boolean values), read by a small hand-written parser.
 */
class SessionReplayTest {
    private static final long MS = 1_000_000L;
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"([^\"]*)\"|[-\\w.]+)");

    @ParameterizedTest
    @ValueSource(strings = {"fsm-open-exchange", "fsm-errors"})
    void scenarioReplaysAsRecorded(String scenario) throws IOException {
        List<Map<String, String>> events = read("/replay/" + scenario + "/events.jsonl");
        List<Map<String, String>> expected = read("/replay/" + scenario + "/expected.jsonl");
        assertEquals(events.size(), expected.size(), "one expected line per event");
        Session s = FsmFixtures.session();
        for (int i = 0; i < events.size(); i++) {
            Map<String, String> e = events.get(i);
            long now = Long.parseLong(e.get("ms")) * MS;
            List<SessionAction> actions = "Poll".equals(e.get("event")) ? s.poll(now) : s.handle(event(e), now);
            String line = scenario + " line " + (i + 1) + " " + e;
            assertEquals(expected.get(i).get("actions"), render(actions), line);
            assertEquals(expected.get(i).get("state"), s.state().displayName(), line);
        }
    }

    private static SessionEvent event(Map<String, String> e) {
        switch (e.get("event")) {
            case "ManualStart":
                return new SessionEvent.ManualStart(Boolean.parseBoolean(e.get("passive")));
            case "TcpConnected":
                return new SessionEvent.TcpConnected(LOCAL_END, REMOTE_END, Boolean.parseBoolean(e.get("inbound")));
            case "TcpClosed":
                return new SessionEvent.TcpClosed();
            case "Open":
                Asn as = Asn.of(Long.parseLong(e.get("as")));
                return new SessionEvent.MessageReceived(OpenMessage.of(as, Integer.parseInt(e.get("hold")),
                        RouterId.parse(e.get("id")), List.of(new Capability.MultiProtocol(AddressFamily.IPV4_UNICAST),
                                new Capability.RouteRefresh(), new Capability.FourOctetAs(as))));
            case "Keepalive":
                return new SessionEvent.MessageReceived(KeepaliveMessage.INSTANCE);
            case "Update":
                return new SessionEvent.MessageReceived(UpdateMessage.withdraw(List.of()));
            case "RouteRefresh":
                return new SessionEvent.MessageReceived(RouteRefreshMessage.request(AddressFamily.IPV4_UNICAST));
            default:
                throw new IllegalArgumentException("unknown replay event " + e);
        }
    }

    /** A stable one-line rendering of actions, e.g. "Send NOTIFICATION 4/0; Close". */
    static String render(List<SessionAction> actions) {
        return actions.stream().map(SessionReplayTest::render).collect(Collectors.joining("; "));
    }

    private static String render(SessionAction a) {
        if (a instanceof SessionAction.Send send) {
            if (send.message() instanceof NotificationMessage n) {
                return "Send NOTIFICATION " + n.code() + "/" + n.subcode();
            }
            return "Send " + send.message().type();
        }
        if (a instanceof SessionAction.Negotiated n) {
            return "Negotiated hold=" + n.session().holdTime().seconds() + " keepalive=" + n.session().keepaliveSeconds();
        }
        if (a instanceof SessionAction.Down d) {
            return "Down " + d.reason().kind() + " established=" + d.wasEstablished();
        }
        if (a instanceof SessionAction.CloseConnection) {
            return "Close";
        }
        return a.getClass().getSimpleName();
    }

    private static List<Map<String, String>> read(String resource) throws IOException {
        try (InputStream in = SessionReplayTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            List<Map<String, String>> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                Matcher m = FIELD.matcher(line);
                while (m.find()) {
                    fields.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
                }
                out.add(fields);
            }
            return out;
        }
    }
}
