package io.jbgp.examples.config;

import io.jbgp.core.attr.Community;
import io.jbgp.core.types.Afi;
import io.jbgp.core.types.IpPrefix;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints a {@link BgpdConfig} back as bgpd.conf text, for {@code bgpctl show config}. The layout
 * follows {@code bgpd -nv}: globals with their defaults made explicit, sets, networks, groups
 * and neighbors, then filter rules, tab-indented.
 *
 * <p>Contract: {@code BgpdConfigParser.parse(f, renderWithSecrets(c)).equals(c)} for every
 * config the parser can produce (a property test checks it), and the text is accepted by
 * OpenBGPD's own {@code bgpd -n} unless it uses the {@link LeakGuard} extension.
 * {@link #render} masks secrets and is for display only.
 */
public final class BgpdConfigWriter {
    private final boolean showSecrets;
    private final StringBuilder out = new StringBuilder();

    private BgpdConfigWriter(boolean showSecrets) {
        this.showSecrets = showSecrets;
    }

    /** The configuration with MD5 passwords shown as {@value Secret#MASK}. */
    public static String render(BgpdConfig config) {
        return new BgpdConfigWriter(false).write(config);
    }

    /** The configuration including secrets: only for writing a config file. */
    public static String renderWithSecrets(BgpdConfig config) {
        return new BgpdConfigWriter(true).write(config);
    }

    private String write(BgpdConfig c) {
        out.append("AS ").append(c.asn().value()).append('\n');
        c.routerId().ifPresent(id -> out.append("router-id ").append(id).append('\n'));
        for (BgpdConfig.ListenConfig l : c.listen()) {
            out.append("listen on ").append(address(l.address()));
            if (l.port() != 179) {
                out.append(" port ").append(l.port());
            }
            out.append('\n');
        }
        c.controlSocket().ifPresent(p -> out.append("socket ").append(quote(p)).append('\n'));
        out.append("holdtime ").append(c.holdTime()).append('\n');
        out.append("connect-retry ").append(c.connectRetry()).append('\n');
        out.append("fib-update ").append(c.fibUpdate() ? "yes" : "no").append('\n');
        for (PrefixSetConfig s : c.prefixSets()) {
            out.append('\n').append("prefix-set ").append(quote(s.name())).append(" {\n\t");
            out.append(s.entries().stream().map(BgpdConfigWriter::prefixMatch)
                    .collect(Collectors.joining(",\n\t")));
            out.append("\n}\n");
        }
        if (!c.networks().isEmpty()) {
            out.append('\n');
        }
        for (NetworkConfig n : c.networks()) {
            out.append(network(n)).append('\n');
        }
        for (GroupConfig g : c.groups()) {
            out.append('\n').append("group ").append(quote(g.name())).append(" {\n");
            settings(g.settings(), "\t");
            for (NeighborConfig n : g.neighbors()) {
                neighbor(n, "\t");
            }
            out.append("}\n");
        }
        for (NeighborConfig n : c.neighbors()) {
            out.append('\n');
            neighbor(n, "");
        }
        if (!c.filters().isEmpty()) {
            out.append('\n');
        }
        for (FilterRule r : c.filters()) {
            out.append(filterRule(r)).append('\n');
        }
        return out.toString();
    }

    private static String network(NetworkConfig n) {
        if (n instanceof NetworkConfig.Prefix) {
            return "network " + ((NetworkConfig.Prefix) n).prefix();
        }
        if (n instanceof NetworkConfig.Connected) {
            NetworkConfig.Connected c = (NetworkConfig.Connected) n;
            return "network " + family(c.afi()) + " connected" + guard(c.guard());
        }
        if (n instanceof NetworkConfig.Static) {
            NetworkConfig.Static s = (NetworkConfig.Static) n;
            return "network " + family(s.afi()) + " static" + guard(s.guard());
        }
        if (n instanceof NetworkConfig.PrefixSet) {
            return "network prefix-set " + quote(((NetworkConfig.PrefixSet) n).name());
        }
        throw new IllegalStateException("network: unknown statement " + n);
    }

    private static String family(Afi afi) {
        return afi == Afi.IPV4 ? "inet" : "inet6";
    }

    private static String guard(LeakGuard g) {
        StringBuilder sb = new StringBuilder();
        if (!g.excludeInterfaces().isEmpty()) {
            sb.append(" exclude interface ").append(list(g.excludeInterfaces(),
                    BgpdConfigWriter::word));
        }
        if (!g.excludePrefixes().isEmpty()) {
            sb.append(" exclude prefix ").append(list(g.excludePrefixes(), IpPrefix::toString));
        }
        if (!g.includePrefixes().isEmpty()) {
            sb.append(" include prefix ").append(list(g.includePrefixes(), IpPrefix::toString));
        }
        return sb.toString();
    }

    private static <T> String list(List<T> items, Function<T, String> show) {
        if (items.size() == 1) {
            return show.apply(items.get(0));
        }
        return items.stream().map(show).collect(Collectors.joining(", ", "{ ", " }"));
    }

    private void neighbor(NeighborConfig n, String indent) {
        out.append(indent).append("neighbor ").append(address(n.address())).append(" {\n");
        settings(n.settings(), indent + "\t");
        out.append(indent).append("}\n");
    }

    private void settings(PeerSettings s, String indent) {
        s.remoteAs().ifPresent(a -> line(indent, "remote-as " + a.value()));
        s.description().ifPresent(d -> line(indent, "descr " + quote(d)));
        if (s.passive()) {
            line(indent, "passive");
        }
        s.holdTime().ifPresent(h -> line(indent, "holdtime " + h));
        s.localV4().ifPresent(a -> line(indent, "local-address " + address(a)));
        s.localV6().ifPresent(a -> line(indent, "local-address " + address(a)));
        s.port().ifPresent(p -> line(indent, "port " + p));
        s.md5Password().ifPresent(p -> line(indent, "tcp md5sig password "
                + (showSecrets ? quote(p.value()) : Secret.MASK)));
        s.ttlSecurity().ifPresent(t -> line(indent, "ttl-security " + (t ? "yes" : "no")));
        s.maxPrefix().ifPresent(m -> line(indent, "max-prefix " + m.limit()
                + (m.restartMinutes().isPresent() ? " restart " + m.restartMinutes().getAsInt()
                        : "")));
        for (Afi afi : Afi.values()) {
            Boolean on = s.announce().get(afi);
            if (on != null) {
                line(indent, "announce " + (afi == Afi.IPV4 ? "IPv4" : "IPv6")
                        + (on ? " unicast" : " none"));
            }
        }
    }

    private void line(String indent, String text) {
        out.append(indent).append(text).append('\n');
    }

    /** One filter rule on one line, parameters in bgpd's own print order. */
    static String filterRule(FilterRule r) {
        StringBuilder sb = new StringBuilder(r.action().keyword());
        if (r.quick()) {
            sb.append(" quick");
        }
        sb.append(' ').append(r.direction().keyword()).append(' ').append(peer(r.peer()));
        r.prefix().ifPresent(p -> sb.append(" prefix ").append(prefixMatch(p)));
        r.asPath().ifPresent(a -> sb.append(' ').append(a.part().keyword()).append(' ')
                .append(a.asn().value()));
        r.community().ifPresent(c -> sb.append(" community ").append(community(c)));
        r.largeCommunity().ifPresent(c -> sb.append(" large-community ").append(c));
        if (!r.set().isEmpty()) {
            sb.append(" set ").append(list(r.set(), BgpdConfigWriter::setAction));
        }
        return sb.toString();
    }

    private static String peer(PeerMatch p) {
        if (p instanceof PeerMatch.Any) {
            return "any";
        }
        if (p instanceof PeerMatch.Ebgp) {
            return "ebgp";
        }
        if (p instanceof PeerMatch.Ibgp) {
            return "ibgp";
        }
        if (p instanceof PeerMatch.Address) {
            return address(((PeerMatch.Address) p).address());
        }
        if (p instanceof PeerMatch.Group) {
            return "group " + quote(((PeerMatch.Group) p).name());
        }
        throw new IllegalStateException("peer: unknown peer match " + p);
    }

    private static String setAction(SetAction a) {
        if (a instanceof SetAction.LocalPref) {
            return "localpref " + ((SetAction.LocalPref) a).value();
        }
        if (a instanceof SetAction.Med) {
            return "med " + ((SetAction.Med) a).value();
        }
        if (a instanceof SetAction.PrependSelf) {
            return "prepend-self " + ((SetAction.PrependSelf) a).times();
        }
        if (a instanceof SetAction.AddCommunity) {
            return "community " + community(((SetAction.AddCommunity) a).community());
        }
        if (a instanceof SetAction.NextHop) {
            return "nexthop " + address(((SetAction.NextHop) a).address());
        }
        if (a instanceof SetAction.NextHopSelf) {
            return "nexthop self";
        }
        throw new IllegalStateException("setAction: unknown set action " + a);
    }

    /** A community as bgpd.conf spells it: well-known ones by name. */
    static String community(Community c) {
        for (Map.Entry<String, Community> e : ValueReader.WELL_KNOWN.entrySet()) {
            if (e.getValue().equals(c)) {
                return e.getKey();
            }
        }
        return c.asn() + ":" + c.localValue();
    }

    static String prefixMatch(PrefixMatch m) {
        String p = m.prefix().toString();
        switch (m.op()) {
            case EXACT: return p;
            case OR_LONGER: return p + " or-longer";
            case RANGE:
            case EXCEPT_RANGE:
                return p + " prefixlen " + m.low() + " " + m.op().token() + " " + m.high();
            default:
                return p + " prefixlen " + m.op().token() + " " + m.low();
        }
    }

    /** An address in its usual text form: dotted quad, or RFC 5952 compressed IPv6. */
    public static String address(InetAddress a) {
        if (a instanceof Inet6Address) {
            String p = IpPrefix.of(a, 128).toString();
            return p.substring(0, p.length() - "/128".length());
        }
        return a.getHostAddress();
    }

    /** A word bare when the lexer would read it back as one word, else quoted. */
    private static String word(String s) {
        return s.matches("[A-Za-z0-9_][A-Za-z0-9_.:/-]*") ? s : quote(s);
    }

    /**
     * A double-quoted string as bgpd's lexer reads it back: quotes escaped, backslashes as they
     * are (bgpd keeps a backslash that does not precede a quote, space or tab).
     *
     * @throws IllegalArgumentException for a string bgpd.conf cannot express (a backslash
     *     before a blank or at the very end, a line break); the parser never makes one
     */
    static String quote(String s) {
        if (!isQuotable(s)) {
            throw new IllegalArgumentException("not expressible as a bgpd.conf string: " + s);
        }
        return '"' + s.replace("\"", "\\\"") + '"';
    }

    /** Whether {@link #quote} can write {@code s}. */
    static boolean isQuotable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                return false;
            }
            // "\ " would read back as a lone blank, and a final backslash would eat the quote;
            // "\" followed by a quote is fine: it is written \\" (a backslash, then \")
            if (c == '\\' && (i + 1 == s.length() || s.charAt(i + 1) == ' '
                    || s.charAt(i + 1) == '\t')) {
                return false;
            }
        }
        return true;
    }
}
