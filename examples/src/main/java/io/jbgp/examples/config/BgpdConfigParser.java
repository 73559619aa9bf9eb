package io.jbgp.examples.config;

import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.core.types.Afi;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.examples.config.ConfigLexer.Kind;
import io.jbgp.examples.config.ConfigLexer.Token;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Parses the part of OpenBGPD's bgpd.conf(5) that a pfSense "Raw config" uses, so the write-up's
 * configuration runs unchanged. The grammar, one statement per line:
 *
 * <pre>
 * name = "value"                                  macro; later $name expands to value
 * AS N                                            N plain or asdot (1..4294967295)
 * router-id A.B.C.D
 * listen on ADDR [port N]
 * holdtime N                                      3..65535, default 90
 * fib-update yes|no                               default yes
 * prefix-set NAME { P [or-longer|maxlen N|prefixlen RANGE], ... }
 * network P
 * network inet|inet6 connected|static [GUARD ...] GUARD: exclude interface IF|{ IF, ... }
 *                                                        exclude prefix P|{ P, ... }
 *                                                        include prefix P|{ P, ... }
 * network prefix-set NAME
 * group NAME { GROUP-LINE ... }                    GROUP-LINE: a NEIGHBOR-LINE or neighbor block
 * neighbor ADDR { NEIGHBOR-LINE ... }             also allowed at top level
 *   NEIGHBOR-LINE: remote-as N | descr TEXT | passive | holdtime N | local-address A | port N
 *                | tcp md5sig password SECRET | ttl-security yes|no
 *                | max-prefix N [restart M] | announce IPv4|IPv6 unicast|none
 * allow|deny|match [quick] from|to PEER [prefix P [or-longer|maxlen N|prefixlen RANGE]]
 *     [AS|source-as|transit-as|peer-as N] [community A:B|NAME] [large-community A:B:C]
 *     [set ITEM | set { ITEM, ... }]
 *   PEER: any | ebgp | ibgp | ADDR | group NAME
 *   RANGE: = N | != N | &lt; N | &lt;= N | &gt; N | &gt;= N | N - M | N &gt;&lt; M
 *   ITEM: localpref N | med N | metric N | prepend-self N | community A:B
 *       | nexthop ADDR|self
 * </pre>
 *
 * <p>Anything else is an error naming its line: a daemon that silently ignores a line the user
 * believes active (a filter, a password) is worse than one that refuses to start. The first
 * error stops parsing ({@link ConfigException}: {@code FILE:LINE: message}).
 *
 * <p>Deviations from bgpd, on purpose: {@code ;} also ends a statement; the WAN-leak guard
 * options on {@code network ... connected|static} are ours ({@link LeakGuard}); a second
 * {@code local-address} replaces the first rather than adding one per family.
 */
public final class BgpdConfigParser {

    /** Words a macro may not be named, because bgpd would read them as keywords. */
    private static final Set<String> RESERVED = Set.of("AS", "router-id", "listen", "holdtime",
            "fib-update", "network", "prefix-set", "group", "neighbor", "allow", "deny", "match",
            "include", "set", "from", "to", "any", "ebgp", "ibgp", "prefix", "community");

    private final String file;
    private final ConfigLexer lexer;
    private final Map<String, String> macros = new HashMap<>();

    private Optional<Asn> asn = Optional.empty();
    private Optional<RouterId> routerId = Optional.empty();
    private final List<BgpdConfig.ListenConfig> listen = new ArrayList<>();
    private int holdTime = BgpdConfig.DEFAULT_HOLD_TIME;
    private boolean fibUpdate = true;
    private final List<PrefixSetConfig> prefixSets = new ArrayList<>();
    private final List<NetworkConfig> networks = new ArrayList<>();
    private final List<GroupConfig> groups = new ArrayList<>();
    private final List<NeighborConfig> neighbors = new ArrayList<>();
    private final List<FilterRule> filters = new ArrayList<>();
    private final Set<InetAddress> neighborAddresses = new HashSet<>();

    private BgpdConfigParser(String file, String text) {
        this.file = file;
        this.lexer = new ConfigLexer(file, text, macros);
    }

    /**
     * Parses {@code text}; {@code file} only names it in errors.
     *
     * @throws ConfigException at the first error
     */
    public static BgpdConfig parse(String file, String text) throws ConfigException {
        return new BgpdConfigParser(file, text).parseFile();
    }

    /** Reads and parses {@code path} (UTF-8); errors name the file as given. */
    public static BgpdConfig parse(Path path) throws IOException, ConfigException {
        return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    private BgpdConfig parseFile() throws ConfigException {
        while (true) {
            Token t = lexer.peek();
            if (t.is(Kind.EOF)) {
                break;
            }
            if (t.is(Kind.EOL)) {
                lexer.next();
                continue;
            }
            topLevelStatement();
        }
        Token end = lexer.peek();
        if (asn.isEmpty()) {
            throw error(end, "no \"AS\" statement: the local AS number is required");
        }
        return new BgpdConfig(asn.get(), routerId, listen, holdTime, fibUpdate, prefixSets,
                networks, groups, neighbors, filters);
    }

    private void topLevelStatement() throws ConfigException {
        Token t = lexer.peek();
        if ((t.is(Kind.WORD) || t.is(Kind.STRING)) && lexer.peek(1).is(Kind.OP)
                && lexer.peek(1).text().equals("=")) {
            macroDefinition();
            return;
        }
        if (!t.is(Kind.WORD)) {
            throw error(t, "unexpected " + t.describe());
        }
        lexer.next();
        switch (t.text()) {
            case "AS":
                asn = Optional.of(asNumber(lexer.next()));
                if (lexer.peek().is(Kind.WORD)) {
                    throw error(lexer.peek(), "a fallback 2-byte AS number is not supported");
                }
                break;
            case "router-id":
                routerId = Optional.of(routerId(lexer.next()));
                break;
            case "listen":
                listenOn();
                break;
            case "holdtime":
                holdTime = holdTime(lexer.next());
                break;
            case "fib-update":
                fibUpdate = yesNo(lexer.next());
                break;
            case "prefix-set":
                prefixSet();
                break;
            case "network":
                network();
                break;
            case "group":
                group();
                break;
            case "neighbor":
                neighbors.add(neighbor(PeerSettings.EMPTY, t));
                break;
            case "allow":
            case "deny":
            case "match":
                filters.add(filterRule(t));
                break;
            case "include":
                throw error(t, "\"include\" is not supported: put everything in one file");
            default:
                throw error(t, "unknown keyword \"" + t.text() + "\"");
        }
        endOfStatement();
    }

    private void macroDefinition() throws ConfigException {
        Token name = lexer.next();
        lexer.next(); // '='
        if (!name.text().matches("[A-Za-z0-9_]+")) {
            throw error(name, "invalid macro name \"" + name.text() + "\"");
        }
        if (RESERVED.contains(name.text())) {
            throw error(name, "macro name \"" + name.text() + "\" is a reserved word");
        }
        Token value = lexer.next();
        if (!value.is(Kind.STRING) && !value.is(Kind.WORD)) {
            throw error(value, "macro \"" + name.text() + "\" needs a value");
        }
        macros.put(name.text(), value.text());
        endOfStatement();
    }

    private void endOfStatement() throws ConfigException {
        Token t = lexer.peek();
        if (t.is(Kind.EOL)) {
            lexer.next();
        } else if (!t.is(Kind.EOF) && !t.is(Kind.RBRACE)) {
            throw error(t, "unexpected " + t.describe());
        }
    }

    // ---- global statements ----------------------------------------------------------------

    private void listenOn() throws ConfigException {
        expectWord("on", "\"listen\" must be followed by \"on\"");
        InetAddress address = address(lexer.next());
        int port = 179;
        if (lexer.peek().isWord("port")) {
            lexer.next();
            port = port(lexer.next());
        }
        listen.add(new BgpdConfig.ListenConfig(address, port));
    }

    private void prefixSet() throws ConfigException {
        Token name = name(lexer.next(), "prefix-set");
        if (prefixSets.stream().anyMatch(s -> s.name().equals(name.text()))) {
            throw error(name, "prefix-set \"" + name.text() + "\" already defined");
        }
        List<PrefixMatch> entries = new ArrayList<>();
        Token open = lexer.next();
        if (!open.is(Kind.LBRACE)) {
            throw error(open, "expected \"{\" after prefix-set name, got " + open.describe());
        }
        while (true) {
            Token t = lexer.next();
            if (t.is(Kind.RBRACE)) {
                break;
            }
            if (t.is(Kind.EOL) || t.is(Kind.COMMA)) {
                continue;
            }
            if (t.is(Kind.EOF)) {
                throw error(t, "missing \"}\" at end of prefix-set \"" + name.text() + "\"");
            }
            entries.add(prefixLengthSuffix(prefix(t)));
        }
        prefixSets.add(new PrefixSetConfig(name.text(), entries));
    }

    private void network() throws ConfigException {
        Token t = lexer.next();
        if (t.isWord("inet") || t.isWord("inet6")) {
            Afi afi = t.text().equals("inet") ? Afi.IPV4 : Afi.IPV6;
            Token kind = lexer.next();
            if (kind.isWord("connected")) {
                networks.add(new NetworkConfig.Connected(afi, leakGuard()));
            } else if (kind.isWord("static")) {
                networks.add(new NetworkConfig.Static(afi, leakGuard()));
            } else if (kind.isWord("priority") || kind.isWord("rtlabel")) {
                throw error(kind, "\"network " + t.text() + " " + kind.text()
                        + "\" is not supported");
            } else {
                throw error(kind, "expected \"connected\" or \"static\" after \"network "
                        + t.text() + "\", got " + kind.describe());
            }
        } else if (t.isWord("prefix-set")) {
            Token name = name(lexer.next(), "prefix-set");
            PrefixSetConfig set = prefixSets.stream().filter(s -> s.name().equals(name.text()))
                    .findFirst()
                    .orElseThrow(() -> error(name, "prefix-set \"" + name.text() + "\" not defined"));
            if (set.entries().stream().anyMatch(PrefixMatch::hasLengthOperator)) {
                throw error(name, "prefix-set " + name.text()
                        + " has prefixlen operators and cannot be used in network statements");
            }
            networks.add(new NetworkConfig.PrefixSet(name.text()));
        } else {
            networks.add(new NetworkConfig.Prefix(prefix(t)));
        }
        if (lexer.peek().isWord("set")) {
            throw error(lexer.peek(), "\"set\" on network statements is not supported");
        }
    }

    private LeakGuard leakGuard() throws ConfigException {
        List<String> exIf = new ArrayList<>();
        List<IpPrefix> exPrefix = new ArrayList<>();
        List<IpPrefix> inPrefix = new ArrayList<>();
        while (lexer.peek().isWord("exclude") || lexer.peek().isWord("include")) {
            boolean exclude = lexer.next().text().equals("exclude");
            Token what = lexer.next();
            if (exclude && what.isWord("interface")) {
                for (Token name : wordList("interface name")) {
                    exIf.add(name(name, "interface").text());
                }
            } else if (what.isWord("prefix")) {
                for (Token p : wordList("prefix")) {
                    (exclude ? exPrefix : inPrefix).add(prefix(p));
                }
            } else {
                throw error(what, "expected " + (exclude ? "\"interface\" or " : "")
                        + "\"prefix\" after \"" + (exclude ? "exclude" : "include") + "\", got "
                        + what.describe());
            }
        }
        return new LeakGuard(exIf, exPrefix, inPrefix);
    }

    /** One item, or {@code { a, b ... }} (commas and newlines optional, as in bgpd lists). */
    private List<Token> wordList(String what) throws ConfigException {
        List<Token> out = new ArrayList<>();
        Token t = lexer.next();
        if (!t.is(Kind.LBRACE)) {
            out.add(t);
            return out;
        }
        while (true) {
            Token i = lexer.next();
            if (i.is(Kind.RBRACE)) {
                break;
            }
            if (i.is(Kind.COMMA) || i.is(Kind.EOL)) {
                continue;
            }
            if (i.is(Kind.EOF)) {
                throw error(i, "missing \"}\" at end of " + what + " list");
            }
            out.add(i);
        }
        if (out.isEmpty()) {
            throw error(t, "empty " + what + " list");
        }
        return out;
    }

    // ---- groups and neighbors -------------------------------------------------------------

    private void group() throws ConfigException {
        Token name = name(lexer.next(), "group");
        if (groups.stream().anyMatch(g -> g.name().equals(name.text()))) {
            throw error(name, "group \"" + name.text() + "\" already defined");
        }
        openBlock("group");
        PeerSettings.Builder settings = PeerSettings.builder();
        List<NeighborConfig> members = new ArrayList<>();
        // bgpd copies the group's settings into a neighbor when the neighbor block opens, so
        // only lines above a neighbor reach it; we merge the whole block instead, which is what
        // pfSense users expect (and what the writer's output, settings first, means either way)
        List<Token> memberTokens = new ArrayList<>();
        while (true) {
            Token t = lexer.next();
            if (t.is(Kind.RBRACE)) {
                break;
            }
            if (t.is(Kind.EOL)) {
                continue;
            }
            if (t.is(Kind.EOF)) {
                throw error(t, "missing \"}\" at end of group \"" + name.text() + "\"");
            }
            if (t.isWord("neighbor")) {
                memberTokens.add(t);
                members.add(neighbor(null, t));
            } else if (t.isWord("group")) {
                throw error(t, "groups cannot be nested");
            } else {
                peerSetting(t, settings, "group");
            }
            endOfStatement();
        }
        PeerSettings built = settings.build();
        for (int i = 0; i < members.size(); i++) {
            requireRemoteAs(memberTokens.get(i), members.get(i), built);
        }
        groups.add(new GroupConfig(name.text(), built, members));
    }

    /**
     * A neighbor block after its {@code neighbor} keyword. {@code inherited} is checked for
     * {@code remote-as} at once (top level); {@code null} defers the check to the group's end.
     */
    private NeighborConfig neighbor(PeerSettings inherited, Token keyword) throws ConfigException {
        Token addrToken = lexer.next();
        InetAddress address = address(addrToken);
        if (!neighborAddresses.add(address)) {
            throw error(addrToken, "neighbor " + address.getHostAddress() + " already defined");
        }
        openBlock("neighbor");
        PeerSettings.Builder settings = PeerSettings.builder();
        while (true) {
            Token t = lexer.next();
            if (t.is(Kind.RBRACE)) {
                break;
            }
            if (t.is(Kind.EOL)) {
                continue;
            }
            if (t.is(Kind.EOF)) {
                throw error(t, "missing \"}\" at end of neighbor " + address.getHostAddress());
            }
            if (t.isWord("neighbor") || t.isWord("group")) {
                throw error(t, "\"" + t.text() + "\" is not allowed inside a neighbor block");
            }
            peerSetting(t, settings, "neighbor");
            endOfStatement();
        }
        NeighborConfig n = new NeighborConfig(address, settings.build());
        if (inherited != null) {
            requireRemoteAs(keyword, n, inherited);
        }
        return n;
    }

    private void requireRemoteAs(Token at, NeighborConfig n, PeerSettings inherited)
            throws ConfigException {
        if (inherited.overlay(n.settings()).remoteAs().isEmpty()) {
            throw error(at, "neighbor " + n.address().getHostAddress() + " has no remote-as");
        }
    }

    private void openBlock(String what) throws ConfigException {
        Token open = lexer.next();
        if (!open.is(Kind.LBRACE)) {
            throw error(open, "expected \"{\" to open the " + what + " block, got "
                    + open.describe());
        }
    }

    /** One line of a group or neighbor block; {@code t} is its (consumed) keyword. */
    private void peerSetting(Token t, PeerSettings.Builder s, String block)
            throws ConfigException {
        if (!t.is(Kind.WORD)) {
            throw error(t, "unexpected " + t.describe() + " in " + block + " block");
        }
        switch (t.text()) {
            case "remote-as":
                s.remoteAs(asNumber(lexer.next()));
                break;
            case "descr":
                Token d = lexer.next();
                if (!d.is(Kind.STRING) && !d.is(Kind.WORD)) {
                    throw error(d, "\"descr\" needs a description");
                }
                if (d.text().length() > 31) {
                    // bgpd's limit (PEER_DESCR_LEN); longer names break its show output too
                    throw error(d, "descr \"" + d.text() + "\" too long: at most 31 characters");
                }
                s.description(d.text());
                break;
            case "passive":
                s.passive(true);
                break;
            case "holdtime":
                s.holdTime(holdTime(lexer.next()));
                break;
            case "local-address":
                s.localAddress(address(lexer.next()));
                break;
            case "port":
                s.port(port(lexer.next()));
                break;
            case "tcp":
                md5(s);
                break;
            case "ttl-security":
                s.ttlSecurity(yesNo(lexer.next()));
                break;
            case "max-prefix":
                s.maxPrefix(maxPrefix());
                break;
            case "announce":
                announce(s);
                break;
            default:
                throw error(t, "unknown keyword \"" + t.text() + "\" in " + block + " block");
        }
    }

    private void md5(PeerSettings.Builder s) throws ConfigException {
        expectWord("md5sig", "expected \"md5sig\" after \"tcp\"");
        Token kind = lexer.next();
        if (kind.isWord("key")) {
            throw error(kind, "\"tcp md5sig key\" is not supported: use \"tcp md5sig password\"");
        }
        if (!kind.isWord("password")) {
            throw error(kind, "expected \"password\" after \"tcp md5sig\", got " + kind.describe());
        }
        Token secret = lexer.next();
        if (!secret.is(Kind.STRING) && !secret.is(Kind.WORD)) {
            throw error(secret, "\"tcp md5sig password\" needs a password");
        }
        if (secret.text().isEmpty() || secret.text().length() > 80) {
            throw error(secret, "md5 password must be 1 to 80 characters long");
        }
        s.md5Password(new Secret(secret.text()));
    }

    private MaxPrefix maxPrefix() throws ConfigException {
        Token n = lexer.next();
        long limit = number(n, 1, 0xFFFF_FFFFL, "max-prefix");
        if (lexer.peek().isWord("out")) {
            throw error(lexer.peek(), "\"max-prefix ... out\" is not supported");
        }
        OptionalInt restart = OptionalInt.empty();
        if (lexer.peek().isWord("restart")) {
            lexer.next();
            restart = OptionalInt.of((int) number(lexer.next(), 1, 0xFFFF, "restart"));
        }
        return new MaxPrefix(limit, restart);
    }

    private void announce(PeerSettings.Builder s) throws ConfigException {
        Token family = lexer.next();
        if (family.isWord("all") || family.isWord("self") || family.isWord("none")
                || family.isWord("default-route")) {
            throw error(family, "\"announce " + family.text()
                    + "\" is obsolete bgpd syntax: use filter rules and \"announce IPv4 unicast\"");
        }
        Afi afi;
        if (family.text().equalsIgnoreCase("IPv4")) {
            afi = Afi.IPV4;
        } else if (family.text().equalsIgnoreCase("IPv6")) {
            afi = Afi.IPV6;
        } else {
            throw error(family, "unknown announce family " + family.describe()
                    + ": expected IPv4 or IPv6");
        }
        Token safi = lexer.next();
        if (safi.isWord("unicast")) {
            s.announce(afi, true);
        } else if (safi.isWord("none")) {
            s.announce(afi, false);
        } else {
            throw error(safi, "unsupported announce " + family.text() + " " + safi.describe()
                    + ": expected unicast or none");
        }
    }

    // ---- filter rules ---------------------------------------------------------------------

    private FilterRule filterRule(Token actionToken) throws ConfigException {
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
            throw error(dir, "expected \"from\" or \"to\" in filter rule, got " + dir.describe());
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
                throw error(t, "duplicate \"" + key + "\" in filter rule");
            }
            if (t.isWord("prefix")) {
                prefix = Optional.of(prefixLengthSuffix(prefix(lexer.next())));
            } else if (asKey) {
                as = Optional.of(asMatch(t));
            } else if (t.isWord("community")) {
                community = Optional.of(community(lexer.next()));
            } else if (t.isWord("large-community")) {
                large = Optional.of(largeCommunity(lexer.next()));
            } else if (t.isWord("set")) {
                set = setActions();
            } else {
                throw error(t, "unknown filter parameter " + t.describe());
            }
        }
        return new FilterRule(action, quick, direction, peer, prefix, as, community, large, set);
    }

    private PeerMatch peerMatch(Token t) throws ConfigException {
        if (t.is(Kind.LBRACE)) {
            throw error(t, "peer lists in braces are not supported: write one rule per peer");
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
            Token name = name(lexer.next(), "group");
            if (groups.stream().noneMatch(g -> g.name().equals(name.text()))) {
                throw error(name, "group \"" + name.text() + "\" not defined");
            }
            return new PeerMatch.Group(name.text());
        }
        if (t.is(Kind.WORD) && looksLikeAddress(t.text())) {
            return new PeerMatch.Address(address(t));
        }
        throw error(t, "invalid peer " + t.describe()
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
            throw error(n, "only \"" + kind.text() + " N\" with a plain AS number is supported");
        }
        return new AsMatch(part, asNumber(n));
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
                throw error(t, "missing \"}\" at end of set list");
            }
            out.add(setAction(t));
        }
        if (out.isEmpty()) {
            throw error(open, "empty set list");
        }
        return out;
    }

    private SetAction setAction(Token t) throws ConfigException {
        if (t.isWord("localpref") || t.isWord("med") || t.isWord("metric")) {
            Token v = lexer.next();
            if (v.text().startsWith("+") || v.text().startsWith("-")) {
                throw error(v, "relative " + t.text() + " \"" + v.text() + "\" is not supported");
            }
            long n = number(v, 0, 0xFFFF_FFFFL, t.text());
            return t.isWord("localpref") ? new SetAction.LocalPref(n) : new SetAction.Med(n);
        }
        if (t.isWord("prepend-self")) {
            return new SetAction.PrependSelf((int) number(lexer.next(), 0, 128, "prepend-self"));
        }
        if (t.isWord("community")) {
            Token v = lexer.next();
            if (v.isWord("delete")) {
                throw error(v, "\"set community delete\" is not supported");
            }
            return new SetAction.AddCommunity(community(v));
        }
        if (t.isWord("nexthop")) {
            Token v = lexer.next();
            if (v.isWord("self")) {
                return new SetAction.NextHopSelf();
            }
            if (v.isWord("blackhole") || v.isWord("reject") || v.isWord("no-modify")) {
                throw error(v, "\"set nexthop " + v.text() + "\" is not supported");
            }
            return new SetAction.NextHop(address(v));
        }
        throw error(t, "unsupported set attribute " + t.describe());
    }

    // ---- values ---------------------------------------------------------------------------

    private Asn asNumber(Token t) throws ConfigException {
        try {
            if (!t.is(Kind.WORD) || !t.text().matches("[0-9]+(\\.[0-9]+)?")) {
                throw new IllegalArgumentException();
            }
            Asn a = Asn.parse(t.text());
            if (a.value() == 0) {
                // RFC 7607: AS 0 must not be used
                throw new IllegalArgumentException();
            }
            return a;
        } catch (IllegalArgumentException e) {
            throw error(t, "invalid AS number " + t.describe());
        }
    }

    private RouterId routerId(Token t) throws ConfigException {
        try {
            return RouterId.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw error(t, "invalid router-id " + t.describe() + ": expected A.B.C.D");
        }
    }

    private InetAddress address(Token t) throws ConfigException {
        if (!t.is(Kind.WORD) || !looksLikeAddress(t.text())) {
            throw error(t, "invalid address " + t.describe());
        }
        try {
            return IpPrefix.parseAddress(t.text());
        } catch (IllegalArgumentException e) {
            throw error(t, "invalid address " + t.describe());
        }
    }

    private static boolean looksLikeAddress(String s) {
        return s.matches("[0-9.]+") || (s.indexOf(':') >= 0 && s.matches("[0-9a-fA-F:.]+"));
    }

    private IpPrefix prefix(Token t) throws ConfigException {
        if (!t.is(Kind.WORD) || t.text().indexOf('/') < 0) {
            throw error(t, "invalid prefix " + t.describe() + ": expected ADDRESS/LENGTH");
        }
        try {
            return IpPrefix.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw error(t, "invalid prefix " + t.describe() + ": " + e.getMessage());
        }
    }

    /** After a prefix: {@code or-longer}, {@code maxlen N}, {@code prefixlen RANGE}, or nothing. */
    private PrefixMatch prefixLengthSuffix(IpPrefix p) throws ConfigException {
        Token t = lexer.peek();
        if (t.isWord("or-longer")) {
            lexer.next();
            return PrefixMatch.orLonger(p);
        }
        if (t.isWord("maxlen")) {
            lexer.next();
            Token n = lexer.next();
            int len = prefixLength(n, p);
            return new PrefixMatch(p, PrefixMatch.LengthOp.LE, len, len);
        }
        if (!t.isWord("prefixlen")) {
            return PrefixMatch.exact(p);
        }
        lexer.next();
        Token first = lexer.next();
        if (first.is(Kind.OP)) {
            PrefixMatch.LengthOp op = unaryOp(first);
            Token n = lexer.next();
            int len = prefixLength(n, p);
            return new PrefixMatch(p, op, len, len);
        }
        // binary forms: "8-12", "8 - 12", "8 >< 12", or a bare "N" meaning "= N"
        String text = first.text();
        int dash = text.indexOf('-');
        if (first.is(Kind.WORD) && dash > 0 && dash < text.length() - 1) {
            return range(first, p, PrefixMatch.LengthOp.RANGE, text.substring(0, dash),
                    text.substring(dash + 1));
        }
        Token op = lexer.peek();
        if (op.isWord("-") || (op.is(Kind.OP) && op.text().equals("><"))) {
            lexer.next();
            Token hi = lexer.next();
            return range(hi, p, op.isWord("-") ? PrefixMatch.LengthOp.RANGE
                    : PrefixMatch.LengthOp.EXCEPT_RANGE, text, hi.text());
        }
        int len = prefixLength(first, p);
        return new PrefixMatch(p, PrefixMatch.LengthOp.EQ, len, len);
    }

    private PrefixMatch.LengthOp unaryOp(Token t) throws ConfigException {
        for (PrefixMatch.LengthOp op : PrefixMatch.LengthOp.values()) {
            if (!op.isBinary() && !op.token().isEmpty() && op.token().equals(t.text())) {
                return op;
            }
        }
        throw error(t, "invalid prefixlen operator " + t.describe());
    }

    private PrefixMatch range(Token at, IpPrefix p, PrefixMatch.LengthOp op, String lo, String hi)
            throws ConfigException {
        int a = prefixLength(new Token(Kind.WORD, lo, at.line()), p);
        int b = prefixLength(new Token(Kind.WORD, hi, at.line()), p);
        if (a > b) {
            throw error(at, "invalid prefixlen range " + a + " " + op.token() + " " + b
                    + ": lower bound above upper bound");
        }
        return new PrefixMatch(p, op, a, b);
    }

    private int prefixLength(Token t, IpPrefix p) throws ConfigException {
        return (int) number(t, 0, p.maxLength(), "prefixlen");
    }

    private int holdTime(Token t) throws ConfigException {
        if (t.isWord("min")) {
            throw error(t, "\"holdtime min\" is not supported");
        }
        // bgpd refuses 0 although RFC 4271 §4.2 allows it; we follow bgpd so configs stay portable
        return (int) number(t, 3, 0xFFFF, "holdtime");
    }

    private int port(Token t) throws ConfigException {
        return (int) number(t, 1, 0xFFFF, "port");
    }

    private long number(Token t, long min, long max, String what) throws ConfigException {
        if (t.is(Kind.WORD) && t.text().matches("[0-9]{1,19}")) {
            long v = Long.parseLong(t.text());
            if (v >= min && v <= max) {
                return v;
            }
        }
        throw error(t, "invalid " + what + " " + t.describe() + ": must be between " + min
                + " and " + max);
    }

    private boolean yesNo(Token t) throws ConfigException {
        if (t.isWord("yes")) {
            return true;
        }
        if (t.isWord("no")) {
            return false;
        }
        throw error(t, "expected yes or no, got " + t.describe());
    }

    private Community community(Token t) throws ConfigException {
        String s = t.text();
        for (Map.Entry<String, Community> e : WELL_KNOWN.entrySet()) {
            if (e.getKey().equals(s)) {
                return e.getValue();
            }
        }
        if (t.is(Kind.WORD) && s.matches("[0-9]{1,5}:[0-9]{1,5}")) {
            int colon = s.indexOf(':');
            int hi = Integer.parseInt(s.substring(0, colon));
            int lo = Integer.parseInt(s.substring(colon + 1));
            if (hi <= 0xFFFF && lo <= 0xFFFF) {
                return Community.of(hi, lo);
            }
        }
        throw error(t, "invalid community " + t.describe());
    }

    /** Names bgpd.conf accepts for well-known communities (note {@code NO_PEER}, RFC 3765). */
    static final Map<String, Community> WELL_KNOWN = Map.of(
            "GRACEFUL_SHUTDOWN", Community.GRACEFUL_SHUTDOWN,
            "NO_EXPORT", Community.NO_EXPORT,
            "NO_ADVERTISE", Community.NO_ADVERTISE,
            "NO_EXPORT_SUBCONFED", Community.NO_EXPORT_SUBCONFED,
            "NO_PEER", Community.NOPEER,
            "BLACKHOLE", Community.BLACKHOLE);

    private LargeCommunity largeCommunity(Token t) throws ConfigException {
        if (t.is(Kind.WORD) && t.text().matches("[0-9]{1,10}:[0-9]{1,10}:[0-9]{1,10}")) {
            try {
                return LargeCommunity.parse(t.text());
            } catch (IllegalArgumentException e) {
                // fall through to the error below
            }
        }
        throw error(t, "invalid large-community " + t.describe());
    }

    private Token name(Token t, String what) throws ConfigException {
        if ((!t.is(Kind.WORD) && !t.is(Kind.STRING)) || t.text().isEmpty()) {
            throw error(t, "expected a " + what + " name, got " + t.describe());
        }
        return t;
    }

    private void expectWord(String word, String message) throws ConfigException {
        Token t = lexer.next();
        if (!t.isWord(word)) {
            throw error(t, message);
        }
    }

    private ConfigException error(Token at, String message) {
        return new ConfigException(file, at.line(), message);
    }
}
