package io.jbgp.examples.ctl;

import java.util.List;

/**
 * bgpctl's {@code -j} output. Field names are snake_case and stable; numbers are JSON numbers,
 * addresses and prefixes strings, absent values {@code null}. One document per response:
 *
 * <pre>
 * show summary  {"neighbors":[{"address","remote_as","description","state","uptime_s",
 *                 "prefixes_received","prefixes_sent","messages_received","messages_sent",
 *                 "out_queue"}]}
 * show rib      {"rib":[{"prefix","nexthop","from","as_path":[n...],"origin","local_pref",
 *                 "med","communities":[s...],"best","reason","eligible","ibgp"}]}
 * show fib      {"fib":[{"prefix","nexthop","interface"}]}
 * show network  {"networks":[{"prefix","statement","included","reason"}]}
 * show config   {"config":"...bgpd.conf text, secrets masked..."}
 * actions       {"ok":true|false,"message":"..."}
 * errors        {"error":"..."}
 * </pre>
 *
 * {@code state} is {@code SessionState.displayName()}: Idle, Connect, Active, OpenSent,
 * OpenConfirm or Established;
 * {@code uptime_s} is null when the session never changed state; {@code origin} is IGP, EGP
 * or INCOMPLETE; {@code from} is null for locally originated routes.
 */
public final class BgpctlJson {
    private BgpctlJson() {}

    /** {@code show summary -j}. */
    public static String summary(List<NeighborView> neighbors) {
        JsonWriter w = new JsonWriter().beginObject().name("neighbors").beginArray();
        for (NeighborView n : neighbors) {
            w.beginObject()
                    .member("address", BgpctlText.address(n.address()))
                    .member("remote_as", n.remoteAs().value())
                    .name("description").value(n.description().orElse(null))
                    .member("state", n.state().displayName())
                    .name("uptime_s");
            if (n.uptimeSeconds() < 0) {
                w.nullValue();
            } else {
                w.value(n.uptimeSeconds());
            }
            w.member("prefixes_received", n.prefixesReceived())
                    .member("prefixes_sent", n.prefixesSent())
                    .member("messages_received", n.messagesIn())
                    .member("messages_sent", n.messagesOut())
                    .member("out_queue", n.outQueue())
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
                    .name("from").value(BgpctlText.address(r.from()))
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
