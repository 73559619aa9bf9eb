package io.jbgp.examples.ctl;

import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.examples.config.BgpdConfigWriter;
import io.jbgp.netty.MessageStatistics;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * bgpctl's human output, laid out like OpenBGPD 7.7's {@code bgpctl} so that people and
 * screen-scraping scripts used to it feel at home: the same columns (checked against a running
 * OpenBGPD), the same {@code 2d07h17m} uptime format, the same flag letters. {@code show fib}
 * and {@code show network} add what jbgp knows and bgpctl does not: the interface, and why a
 * network was held back.
 */
public final class BgpctlText {
    private BgpctlText() {}

    /**
     * {@code show summary}. As in bgpctl, MsgRcvd and MsgSent count messages of every type over
     * all of the neighbor's sessions, and OutQ the messages queued for the socket.
     */
    public static String summary(List<NeighborView> neighbors) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-20s %8s %10s %10s %5s %-8s %s%n",
                "Neighbor", "AS", "MsgRcvd", "MsgSent", "OutQ", "Up/Down", "State/PrfRcvd"));
        for (NeighborView n : neighbors) {
            String name = n.description().filter(d -> !d.isEmpty())
                    .orElse(address(n.address()));
            if (name.length() > 20) {
                name = name.substring(0, 20);
            }
            sb.append(String.format(Locale.ROOT, "%-20s %8s %10d %10d %5d %-8s ", name,
                    n.remoteAs(), n.messagesReceived(), n.messagesSent(), n.outQueue(),
                    timeframe(n.uptimeSeconds())));
            if (n.state() == SessionState.ESTABLISHED) {
                // an established session shows its prefix count where the state would be
                sb.append(String.format(Locale.ROOT, "%6d", n.prefixesReceived()));
                if (n.maxPrefix() > 0) {
                    sb.append('/').append(n.maxPrefix());
                }
            } else {
                sb.append(n.state().displayName());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code show neighbor [ADDR]}: one block per neighbor, in the spirit of bgpctl's (state and
     * uptime, negotiated timers and capabilities, last error) plus the policy status, then
     * bgpctl's "Message statistics" and "Update statistics" tables in its layout. The latter
     * lacks bgpctl's Pending column: the RIB does not expose the prefixes waiting in its update
     * queues. The TCP MD5 password is not part of the view, so it cannot be printed.
     */
    public static String neighbors(List<NeighborDetailView> neighbors) {
        StringBuilder sb = new StringBuilder();
        for (NeighborDetailView d : neighbors) {
            NeighborView n = d.summary();
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append("BGP neighbor is ").append(address(n.address())).append(", remote AS ")
                    .append(n.remoteAs()).append('\n');
            n.description().ifPresent(x -> sb.append(" Description: ").append(x).append('\n'));
            sb.append("  BGP state = ").append(n.state().displayName());
            if (n.uptimeSeconds() >= 0) {
                sb.append(n.state() == SessionState.ESTABLISHED ? ", up for " : ", down for ")
                        .append(timeframe(n.uptimeSeconds()));
            }
            sb.append('\n');
            d.session().ifPresent(s -> session(sb, s));
            sb.append("  Import: ").append(d.importStatus()).append('\n');
            sb.append("  Export: ").append(d.exportStatus()).append('\n');
            d.lastDown().ifPresent(x -> sb.append("  Last error: ").append(x).append('\n'));
            MessageStatistics st = n.statistics();
            st.lastNotificationSent().ifPresent(x -> sb.append("  Last error sent: ")
                    .append(notification(x)).append('\n'));
            st.lastNotificationReceived().ifPresent(x -> sb.append("  Last error received: ")
                    .append(notification(x)).append('\n'));
            statistics(sb, n);
        }
        return sb.toString();
    }

    /** bgpctl's two tables, its {@code "  %-15s %10llu %10llu"} rows. */
    private static void statistics(StringBuilder sb, NeighborView n) {
        MessageStatistics.MessageCounts out = n.statistics().sent();
        MessageStatistics.MessageCounts in = n.statistics().received();
        sb.append("\n  Message statistics:\n");
        sb.append(String.format(Locale.ROOT, "  %-15s %-10s %-10s%n", "", "Sent", "Received"));
        row(sb, "Opens", out.opens(), in.opens());
        row(sb, "Notifications", out.notifications(), in.notifications());
        row(sb, "Updates", out.updates(), in.updates());
        row(sb, "Keepalives", out.keepalives(), in.keepalives());
        row(sb, "Route Refresh", out.routeRefreshes(), in.routeRefreshes());
        row(sb, "Total", out.total(), in.total());
        sb.append("\n  Update statistics:\n");
        sb.append(String.format(Locale.ROOT, "  %-15s %-10s %-10s%n", "", "Sent", "Received"));
        // bgpctl's Updates and Withdraws rows count prefixes, not messages
        row(sb, "Prefixes", n.prefixesSent(), n.prefixesReceived());
        row(sb, "Updates", out.prefixesAnnounced(), in.prefixesAnnounced());
        row(sb, "Withdraws", out.prefixesWithdrawn(), in.prefixesWithdrawn());
        row(sb, "End-of-Rib", out.endOfRibs(), in.endOfRibs());
        sb.append("  Route Refresh statistics:\n");
        row(sb, "Request", out.refreshRequests(), in.refreshRequests());
        row(sb, "Begin-of-RR", out.beginOfRefreshes(), in.beginOfRefreshes());
        row(sb, "End-of-RR", out.endOfRefreshes(), in.endOfRefreshes());
    }

    private static void row(StringBuilder sb, String name, long sent, long received) {
        sb.append(String.format(Locale.ROOT, "  %-15s %10d %10d%n", name, sent, received));
    }

    /** A NOTIFICATION as bgpctl names it: code and subcode in words, and the communication. */
    static String notification(NotificationMessage m) {
        return m.toString().replaceFirst("^NOTIFICATION ", "");
    }

    private static void session(StringBuilder sb, NeighborDetailView.Session s) {
        sb.append("  Remote router-id ").append(s.remoteRouterId()).append(", local address ")
                .append(address(s.localAddress())).append('\n');
        sb.append("  Hold time ").append(s.holdTimeSeconds()).append("s, keepalive interval ")
                .append(s.keepaliveSeconds()).append("s\n");
        sb.append("  Address families: ").append(String.join(", ", s.families())).append('\n');
        sb.append("  Negotiated capabilities: ").append(s.capabilities().isEmpty() ? "none"
                : String.join(", ", s.capabilities())).append('\n');
        sb.append("  Neighbor capabilities:\n");
        for (String c : s.peerCapabilities()) {
            sb.append("    ").append(c).append('\n');
        }
    }

    /**
     * {@code show nexthop}: every BGP next hop in use, as bgpctl shows it ({@code *} marks a
     * valid one), with the host route it resolves through, the gateway and interface, and how
     * many prefixes use it.
     */
    public static String nexthops(List<NexthopView> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("Flags: * = nexthop valid\n\n");
        sb.append(String.format(Locale.ROOT, "   %-30s %-20s %5s %-18s %-10s %s%n", "Nexthop",
                "Route", "Cost", "Gateway", "Iface", "Prefixes"));
        for (NexthopView n : rows) {
            sb.append(String.format(Locale.ROOT, " %1s %-30s %-20s %5s %-18s %-10s %d%n",
                    n.reachable() ? "*" : "", address(n.nexthop()),
                    n.route().map(Object::toString).orElse("unreachable"),
                    n.reachable() ? Long.toString(n.cost()) : "-",
                    n.gateway().map(g -> g.equals(n.nexthop()) ? "connected" : address(g))
                            .orElse("-"),
                    n.interfaceName().isEmpty() ? "-" : n.interfaceName(), n.prefixes()));
        }
        return sb.toString();
    }

    /**
     * bgpctl's time format: {@code 01:02:03} under a day, {@code 2d07h17m} under a week,
     * {@code 03w2d05h} beyond, {@code Never} for {@link NeighborView#NEVER}.
     */
    public static String timeframe(long seconds) {
        if (seconds < 0) {
            return "Never";
        }
        long sec = seconds % 60;
        long min = seconds / 60 % 60;
        long hrs = seconds / 3600 % 24;
        long days = seconds / 86400;
        long weeks = days / 7;
        if (weeks > 0) {
            return String.format(Locale.ROOT, "%02dw%01dd%02dh", weeks, days % 7, hrs);
        }
        if (days > 0) {
            return String.format(Locale.ROOT, "%01dd%02dh%02dm", days, hrs, min);
        }
        return String.format(Locale.ROOT, "%02d:%02d:%02d", hrs, min, sec);
    }

    /**
     * {@code show rib}: one line per path, in bgpctl's columns minus its origin-validation
     * column (we do no RPKI). Flags as bgpctl: {@code A} announced by us, {@code I} internal,
     * {@code *} eligible, {@code >} selected, {@code E} malformed attributes (treat-as-withdraw).
     * A path that is ineligible for another reason (next hop unreachable, AS loop) just lacks
     * the {@code *}, as in bgpctl, whose {@code E} means only an attribute error.
     */
    public static String rib(List<RibRowView> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("flags: * = Valid, > = Selected, I = via IBGP, A = Announced,\n");
        sb.append("       E = Error\n");
        sb.append("origin: i = IGP, e = EGP, ? = Incomplete\n\n");
        // bgpctl's header has one more blank before lpref than its rows; so does ours
        sb.append(String.format(Locale.ROOT, "%-5s %-20s %-15s  %5s %5s %s%n",
                "flags", "destination", "gateway", "lpref", "med", "aspath origin"));
        for (RibRowView r : rows) {
            sb.append(String.format(Locale.ROOT, "%-5s %-20s %-15s %5d %5d %s%n", flags(r),
                    r.prefix(), address(r.nexthop()), r.localPref(), r.med(), pathAndOrigin(r)));
        }
        return sb.toString();
    }

    /** {@code show rib ... detail}: one block per path, with the decision reason. */
    public static String ribDetail(List<RibRowView> rows) {
        StringBuilder sb = new StringBuilder();
        for (RibRowView r : rows) {
            sb.append("\nBGP routing table entry for ").append(r.prefix()).append('\n');
            if (r.asPath().length > 0) {
                sb.append("    ").append(asPath(r)).append('\n');
            }
            sb.append("    Nexthop ").append(address(r.nexthop())).append(" (via ")
                    .append(address(r.trueNexthop())).append(") Neighbor ")
                    .append(r.from().map(BgpctlText::address).orElse("LOCAL")).append('\n');
            sb.append("    Origin ").append(originName(r)).append(", metric ").append(r.med())
                    .append(", localpref ").append(r.localPref()).append(", ")
                    .append(r.from().isEmpty() || r.viaIbgp() ? "internal" : "external")
                    .append(", ").append(r.eligible() ? "valid" : "invalid")
                    .append(r.best() ? ", best" : "")
                    .append(r.from().isEmpty() ? ", announced" : "").append('\n');
            sb.append("    Reason: ").append(r.reason()).append('\n');
            if (!r.communities().isEmpty()) {
                sb.append("    Communities: ").append(String.join(" ", r.communities()))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** {@code show fib}: the forwarding table with resolved next hops. */
    public static String fib(List<FibRowView> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-20s %-15s %s%n", "destination", "gateway",
                "interface"));
        for (FibRowView r : rows) {
            sb.append(String.format(Locale.ROOT, "%-20s %-15s %s", r.prefix(),
                    r.nexthop().map(BgpctlText::address).orElse("link#connected"),
                    r.interfaceName()).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** {@code show network}: local candidates, announced or held back, and why. */
    public static String networks(List<NetworkView> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-20s %-9s %-28s %s%n", "destination",
                "announced", "statement", "reason"));
        for (NetworkView n : rows) {
            sb.append(String.format(Locale.ROOT, "%-20s %-9s %-28s %s", n.prefix(),
                    n.included() ? "yes" : "no", n.statement(), n.reason()).stripTrailing())
                    .append('\n');
        }
        return sb.toString();
    }

    /** The answer to {@code neighbor ... up|down|clear|refresh} and {@code reload}. */
    public static String action(ActionResult result) {
        return result.message() + "\n";
    }

    private static String flags(RibRowView r) {
        StringBuilder f = new StringBuilder();
        if (r.from().isEmpty()) {
            f.append('A');
        }
        if (r.viaIbgp() || r.from().isEmpty()) {
            f.append('I');
        }
        if (r.eligible()) {
            f.append('*');
        }
        if (r.best()) {
            f.append('>');
        }
        if (r.attributeError()) {
            f.append('E');
        }
        return f.toString();
    }

    private static String pathAndOrigin(RibRowView r) {
        return r.asPath().length == 0 ? r.origin().symbol() : asPath(r) + " " + r.origin().symbol();
    }

    private static String asPath(RibRowView r) {
        StringBuilder sb = new StringBuilder();
        for (long as : r.asPath()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(as);
        }
        return sb.toString();
    }

    private static String originName(RibRowView r) {
        switch (r.origin()) {
            case IGP: return "IGP";
            case EGP: return "EGP";
            default: return "incomplete";
        }
    }

    static String address(InetAddress a) {
        return BgpdConfigWriter.address(a);
    }

    static String address(Optional<InetAddress> a) {
        return a.map(BgpdConfigWriter::address).orElse(null);
    }
}
