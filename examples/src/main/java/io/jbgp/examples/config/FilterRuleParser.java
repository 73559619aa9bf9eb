package io.jbgp.examples.config;

import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.examples.config.ConfigLexer.Kind;
import io.jbgp.examples.config.ConfigLexer.Token;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@code allow|deny|match} filter rules (bgpd.conf(5), FILTER), with bgpd's checks:
 * each parameter at most once, peers and groups that exist, one value per set attribute.
 */
final class FilterRuleParser {
    private final ConfigLexer lexer;
    private final ValueReader v;
    private final Set<InetAddress> neighborAddresses;
    private final List<GroupConfig> groups;

    /** {@code neighborAddresses} and {@code groups}: what is configured so far (live views). */
    FilterRuleParser(ConfigLexer lexer, ValueReader v, Set<InetAddress> neighborAddresses,
            List<GroupConfig> groups) {
        this.lexer = lexer;
        this.v = v;
        this.neighborAddresses = neighborAddresses;
        this.groups = groups;
    }

    /** A rule after its {@code allow|deny|match} keyword. */
    FilterRule parse(Token actionToken) throws ConfigException {
        FilterRule.Action action = FilterRule.Action.valueOf(
                actionToken.text().toUpperCase(java.util.Locale.ROOT));
        boolean quick = false;
        if (lexer.peek().isWord("quick")) {
            lexer.next();
            quick = true;
        }
        Token dir = lexer.next();
        FilterRule.Direction direction;
        if (dir.isWord("from")) {
            direction = FilterRule.Direction.FROM;
        } else if (dir.isWord("to")) {
            direction = FilterRule.Direction.TO;
        } else {
            throw v.error(dir, "expected \"from\" or \"to\" in filter rule, got " + dir.describe());
        }
        PeerMatch peer = peerMatch(lexer.next());
        Optional<PrefixMatch> prefix = Optional.empty();
        Optional<AsMatch> as = Optional.empty();
        Optional<Community> community = Optional.empty();
        Optional<LargeCommunity> large = Optional.empty();
        List<SetAction> set = List.of();
        Set<String> seen = new HashSet<>();
        while (true) {
            Token t = lexer.peek();
            if (t.is(Kind.EOL) || t.is(Kind.EOF)) {
                break;
            }
            lexer.next();
            String key = t.text();
            boolean asKey = t.isWord("AS") || t.isWord("source-as") || t.isWord("transit-as")
                    || t.isWord("peer-as");
            if (!seen.add(asKey ? "AS" : key)) {
                throw v.error(t, "duplicate \"" + key + "\" in filter rule");
            }
            if (t.isWord("prefix")) {
                prefix = Optional.of(v.prefixLengthSuffix(v.prefix(lexer.next())));
            } else if (asKey) {
                as = Optional.of(asMatch(t));
            } else if (t.isWord("community")) {
                community = Optional.of(v.community(lexer.next()));
            } else if (t.isWord("large-community")) {
                large = Optional.of(v.largeCommunity(lexer.next()));
            } else if (t.isWord("set")) {
                set = setActions();
            } else {
                throw v.error(t, "unknown filter parameter " + t.describe());
            }
        }
        return new FilterRule(action, quick, direction, peer, prefix, as, community, large, set);
    }

    private PeerMatch peerMatch(Token t) throws ConfigException {
        if (t.is(Kind.LBRACE)) {
            throw v.error(t, "peer lists in braces are not supported: write one rule per peer");
        }
        if (t.isWord("any")) {
            return new PeerMatch.Any();
        }
        if (t.isWord("ebgp")) {
            return new PeerMatch.Ebgp();
        }
        if (t.isWord("ibgp")) {
            return new PeerMatch.Ibgp();
        }
        if (t.isWord("group")) {
            Token name = v.name(lexer.next(), "group");
            Optional<GroupConfig> g = groups.stream().filter(x -> x.name().equals(name.text()))
                    .findFirst();
            if (g.isEmpty()) {
                throw v.error(name, "group \"" + name.text() + "\" not defined");
            }
            if (g.get().neighbors().isEmpty()) {
                // bgpd knows groups only through their members: "no such group"
                throw v.error(name, "group \"" + name.text() + "\" has no neighbors to match");
            }
            return new PeerMatch.Group(name.text());
        }
        if (t.is(Kind.WORD) && v.looksLikeAddress(t.text())) {
            InetAddress a = v.address(t);
            if (!neighborAddresses.contains(a)) {
                // as in bgpd: a rule for a neighbor that does not exist is a typo, not a no-op
                throw v.error(t, "no such peer: " + BgpdConfigWriter.address(a));
            }
            return new PeerMatch.Address(a);
        }
        throw v.error(t, "invalid peer " + t.describe()
                + ": expected any, ebgp, ibgp, an address or group NAME");
    }

    private AsMatch asMatch(Token kind) throws ConfigException {
        AsMatch.Part part;
        switch (kind.text()) {
            case "AS": part = AsMatch.Part.ANY; break;
            case "source-as": part = AsMatch.Part.SOURCE; break;
            case "transit-as": part = AsMatch.Part.TRANSIT; break;
            default: part = AsMatch.Part.PEER; break;
        }
        Token n = lexer.next();
        if (n.is(Kind.OP) || n.is(Kind.LBRACE) || n.isWord("neighbor-as")
                || n.isWord("local-as")) {
            throw v.error(n, "only \"" + kind.text() + " N\" with a plain AS number is supported");
        }
        return new AsMatch(part, v.asNumber(n));
    }

    private List<SetAction> setActions() throws ConfigException {
        List<SetAction> out = new ArrayList<>();
        if (!lexer.peek().is(Kind.LBRACE)) {
            out.add(setAction(lexer.next()));
            return out;
        }
        Token open = lexer.next();
        while (true) {
            Token t = lexer.next();
            if (t.is(Kind.RBRACE)) {
                break;
            }
            if (t.is(Kind.COMMA) || t.is(Kind.EOL)) {
                continue;
            }
            if (t.is(Kind.EOF)) {
                throw v.error(t, "missing \"}\" at end of set list");
            }
            SetAction a = setAction(t);
            if (a instanceof SetAction.AddCommunity && out.contains(a)) {
                throw v.error(t, "community " + BgpdConfigWriter.community(
                        ((SetAction.AddCommunity) a).community()) + " is already set");
            }
            // one value per attribute, as bgpd insists; only communities accumulate
            if (!(a instanceof SetAction.AddCommunity)
                    && out.stream().anyMatch(o -> setKind(o).equals(setKind(a)))) {
                throw v.error(t, "redefining set parameter \"" + setKind(a) + "\"");
            }
            out.add(a);
        }
        if (out.isEmpty()) {
            throw v.error(open, "empty set list");
        }
        return out;
    }

    /** The attribute a set item changes, for the one-value-per-attribute check. */
    static String setKind(SetAction a) {
        if (a instanceof SetAction.LocalPref) {
            return "localpref";
        }
        if (a instanceof SetAction.Med) {
            return "med";
        }
        if (a instanceof SetAction.PrependSelf) {
            return "prepend-self";
        }
        if (a instanceof SetAction.AddCommunity) {
            return "community";
        }
        return "nexthop";
    }

    private SetAction setAction(Token t) throws ConfigException {
        if (t.isWord("localpref") || t.isWord("med") || t.isWord("metric")) {
            Token value = lexer.next();
            if (value.text().startsWith("+") || value.text().startsWith("-")) {
                throw v.error(value, "relative " + t.text() + " \"" + value.text()
                        + "\" is not supported");
            }
            long n = v.number(value, 0, 0xFFFF_FFFFL, t.text());
            return t.isWord("localpref") ? new SetAction.LocalPref(n) : new SetAction.Med(n);
        }
        if (t.isWord("prepend-self")) {
            return new SetAction.PrependSelf((int) v.number(lexer.next(), 0, 128, "prepend-self"));
        }
        if (t.isWord("community")) {
            Token value = lexer.next();
            if (value.isWord("delete")) {
                throw v.error(value, "\"set community delete\" is not supported");
            }
            return new SetAction.AddCommunity(v.community(value));
        }
        if (t.isWord("nexthop")) {
            Token value = lexer.next();
            if (value.isWord("self")) {
                return new SetAction.NextHopSelf();
            }
            if (value.isWord("blackhole") || value.isWord("reject") || value.isWord("no-modify")) {
                throw v.error(value, "\"set nexthop " + value.text() + "\" is not supported");
            }
            return new SetAction.NextHop(v.address(value));
        }
        throw v.error(t, "unsupported set attribute " + t.describe());
    }
}
