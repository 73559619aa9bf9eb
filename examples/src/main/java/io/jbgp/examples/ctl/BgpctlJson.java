package io.jbgp.examples.ctl;

import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.netty.MessageStatistics;
import java.util.List;
import java.util.Optional;

/**
 * bgpctl's {@code -j} output. Field names are snake_case and stable; numbers are JSON numbers,
 * addresses and prefixes strings, absent values {@code null}. One document per response:
 *
 * <pre>
 * show summary  {"neighbors":[{"address","remote_as","description","state","uptime_s",
 *                 "last_updown_s","prefixes_received","prefixes_sent","messages_received",
 *                 "messages_sent","updates_received","updates_sent","out_queue"}]}
 * show neighbor {"neighbors":[{...the summary members..., "last_down","import","export",
 *                 "session":null|{"local_address","remote_router_id","hold_time",
 *                 "keepalive","families":[s...],"capabilities":[s...],
 *                 "peer_capabilities":[s...]},
 *                 "statistics":{"sent":COUNTS,"received":COUNTS,"out_queue","out_queue_bytes",
 *                   "last_notification_sent":null|NOTIFICATION,
 *                   "last_notification_received":null|NOTIFICATION}}]}
 *   COUNTS        {"opens","notifications","updates","keepalives","route_refresh","total",
 *                 "prefixes_announced","prefixes_withdrawn","end_of_rib","refresh_requests",
 *                 "begin_of_rr","end_of_rr"}
 *   NOTIFICATION  {"code","subcode","error","communication"}
 * show rib      {"rib":[{"prefix","nexthop","from","as_path":[n...],"origin","local_pref",
 *                 "med","communities":[s...],"best","reason","eligible","ibgp"}]}
 * show nexthop  {"nexthops":[{"nexthop","state","route","gateway","interface","cost",
 *                 "prefixes"}]}
 * show fib      {"fib":[{"prefix","nexthop","interface"}]}
 * show network  {"networks":[{"prefix","statement","included","reason"}]}
 * show config   {"config":"...bgpd.conf text, secrets masked..."}
 * actions       {"ok":true|false,"message":"..."}
 * errors        {"error":"..."}
 * </pre>
 *
 * {@code state} is {@code SessionState.displayName()}: Idle, Connect, Active, OpenSent,
 * OpenConfirm or Established;
 * {@code uptime_s} is the time since the session became Established, null when it is not;
 * {@code last_updown_s} the time since it last went up or down (bgpctl's Up/Down column), null
 * when it never did; {@code messages_*} count messages of every type and {@code updates_*} UPDATE
 * messages, over every session since the neighbor was configured (like OpenBGPD, not reset when
 * a session ends); {@code out_queue} is the messages queued for the socket, not yet written; in
 * {@code statistics}, {@code prefixes_*} count NLRI inside UPDATEs, and a notification's
 * {@code error} is its code and subcode in words (null when unknown), {@code communication}
 * its RFC 9003 text or null; {@code origin} is IGP, EGP or
 * INCOMPLETE; {@code from} is the neighbor's address, or {@code "local"} for our own routes;
 * a nexthop's {@code state} is {@code reachable} or {@code unreachable}. No document ever
 * carries a password.
 */
public final class BgpctlJson {
    private BgpctlJson() {}

    /** {@code show summary -j}. */
    public static String summary(List<NeighborView> neighbors) {
        JsonWriter w = new JsonWriter().beginObject().name("neighbors").beginArray();
        for (NeighborView n : neighbors) {
            summaryMembers(w.beginObject(), n).endObject();
        }
        return w.endArray().endObject().finish();
    }

    private static JsonWriter summaryMembers(JsonWriter w, NeighborView n) {
        boolean up = n.state() == SessionState.ESTABLISHED && n.uptimeSeconds() >= 0;
        w.member("address", BgpctlText.address(n.address()))
                .member("remote_as", n.remoteAs().value())
                .name("description").value(n.description().orElse(null))
                .member("state", n.state().displayName());
        seconds(w.name("uptime_s"), up ? n.uptimeSeconds() : NeighborView.NEVER);
        seconds(w.name("last_updown_s"), n.uptimeSeconds());
        return w.member("prefixes_received", n.prefixesReceived())
                .member("prefixes_sent", n.prefixesSent())
                .member("messages_received", n.messagesReceived())
                .member("messages_sent", n.messagesSent())
                .member("updates_received", n.updatesIn())
                .member("updates_sent", n.updatesOut())
                .member("out_queue", n.outQueue());
    }

    private static void seconds(JsonWriter w, long s) {
        if (s < 0) {
            w.nullValue();
        } else {
            w.value(s);
        }
    }

    /** {@code show neighbor [ADDR] -j}. */
    public static String neighbors(List<NeighborDetailView> neighbors) {
        JsonWriter w = new JsonWriter().beginObject().name("neighbors").beginArray();
        for (NeighborDetailView n : neighbors) {
            summaryMembers(w.beginObject(), n.summary())
                    .name("last_down").value(n.lastDown().orElse(null))
                    .member("import", n.importStatus())
                    .member("export", n.exportStatus())
                    .name("session");
            if (n.session().isEmpty()) {
                w.nullValue();
            } else {
                NeighborDetailView.Session s = n.session().get();
                w.beginObject()
                        .member("local_address", BgpctlText.address(s.localAddress()))
                        .member("remote_router_id", s.remoteRouterId().toString())
                        .member("hold_time", s.holdTimeSeconds())
                        .member("keepalive", s.keepaliveSeconds());
                strings(w.name("families"), s.families());
                strings(w.name("capabilities"), s.capabilities());
                strings(w.name("peer_capabilities"), s.peerCapabilities());
                w.endObject();
            }
            statistics(w.name("statistics"), n.summary().statistics());
            w.endObject();
        }
        return w.endArray().endObject().finish();
    }

    private static void statistics(JsonWriter w, MessageStatistics s) {
        w.beginObject();
        counts(w.name("sent"), s.sent());
        counts(w.name("received"), s.received());
        w.member("out_queue", s.outQueueMessages()).member("out_queue_bytes", s.outQueueBytes());
        notification(w.name("last_notification_sent"), s.lastNotificationSent());
        notification(w.name("last_notification_received"), s.lastNotificationReceived());
        w.endObject();
    }

    private static void counts(JsonWriter w, MessageStatistics.MessageCounts c) {
        w.beginObject()
                .member("opens", c.opens())
                .member("notifications", c.notifications())
                .member("updates", c.updates())
                .member("keepalives", c.keepalives())
                .member("route_refresh", c.routeRefreshes())
                .member("total", c.total())
                .member("prefixes_announced", c.prefixesAnnounced())
                .member("prefixes_withdrawn", c.prefixesWithdrawn())
                .member("end_of_rib", c.endOfRibs())
                .member("refresh_requests", c.refreshRequests())
                .member("begin_of_rr", c.beginOfRefreshes())
                .member("end_of_rr", c.endOfRefreshes())
                .endObject();
    }

    private static void notification(JsonWriter w, Optional<NotificationMessage> n) {
        if (n.isEmpty()) {
            w.nullValue();
            return;
        }
        NotificationMessage m = n.get();
        w.beginObject()
                .member("code", m.code())
                .member("subcode", m.subcode())
                .name("error").value(m.error().map(Object::toString).orElse(null))
                .name("communication").value(m.shutdownCommunication().orElse(null))
                .endObject();
    }

    private static void strings(JsonWriter w, List<String> values) {
        w.beginArray();
        for (String v : values) {
            w.value(v);
        }
        w.endArray();
    }

    /** {@code show nexthop -j}. */
    public static String nexthops(List<NexthopView> rows) {
        JsonWriter w = new JsonWriter().beginObject().name("nexthops").beginArray();
        for (NexthopView n : rows) {
            w.beginObject()
                    .member("nexthop", BgpctlText.address(n.nexthop()))
                    .member("state", n.reachable() ? "reachable" : "unreachable")
                    .name("route").value(n.route().map(Object::toString).orElse(null))
                    .name("gateway").value(BgpctlText.address(n.gateway()))
                    .member("interface", n.interfaceName())
                    .member("cost", n.cost())
                    .member("prefixes", n.prefixes())
                    .endObject();
        }
        return w.endArray().endObject().finish();
    }

    /** {@code show rib -j}. */
    public static String rib(List<RibRowView> rows) {
        JsonWriter w = new JsonWriter().beginObject().name("rib").beginArray();
        for (RibRowView r : rows) {
            w.beginObject()
                    .member("prefix", r.prefix().toString())
                    .member("nexthop", BgpctlText.address(r.nexthop()))
                    .member("from", r.from().map(BgpctlText::address).orElse("local"))
                    .name("as_path").beginArray();
            for (long as : r.asPath()) {
                w.value(as);
            }
            w.endArray()
                    .member("origin", r.origin().name())
                    .member("local_pref", r.localPref())
                    .member("med", r.med())
                    .name("communities").beginArray();
            for (String c : r.communities()) {
                w.value(c);
            }
            w.endArray()
                    .member("best", r.best())
                    .member("reason", r.reason())
                    .member("eligible", r.eligible())
                    .member("ibgp", r.viaIbgp())
                    .endObject();
        }
        return w.endArray().endObject().finish();
    }

    /** {@code show fib -j}. */
    public static String fib(List<FibRowView> rows) {
        JsonWriter w = new JsonWriter().beginObject().name("fib").beginArray();
        for (FibRowView r : rows) {
            w.beginObject()
                    .member("prefix", r.prefix().toString())
                    .name("nexthop").value(BgpctlText.address(r.nexthop()))
                    .member("interface", r.interfaceName())
                    .endObject();
        }
        return w.endArray().endObject().finish();
    }

    /** {@code show network -j}. */
    public static String networks(List<NetworkView> rows) {
        JsonWriter w = new JsonWriter().beginObject().name("networks").beginArray();
        for (NetworkView n : rows) {
            w.beginObject()
                    .member("prefix", n.prefix().toString())
                    .member("statement", n.statement())
                    .member("included", n.included())
                    .member("reason", n.reason())
                    .endObject();
        }
        return w.endArray().endObject().finish();
    }

    /** {@code show config -j}: the masked configuration text as one string. */
    public static String config(String text) {
        return new JsonWriter().beginObject().member("config", text).endObject().finish();
    }

    /** A state-changing command's outcome. */
    public static String action(ActionResult result) {
        return new JsonWriter().beginObject().member("ok", result.ok())
                .member("message", result.message()).endObject().finish();
    }

    /** An error document. */
    public static String error(String message) {
        return new JsonWriter().beginObject().member("error", message).endObject().finish();
    }
}
