package io.jbgp.examples.config;

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
 * socket "PATH"                                   the control socket
 * holdtime N                                      3..65535, default 90
 * connect-retry N                                 1..65535, default 120
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
 * options on {@code network ... connected|static} are ours ({@link LeakGuard}). As in bgpd,
 * {@code local-address} is kept per family (a later one of the same family wins); ours also
 * uses the other family's as next hop self for that family ({@link PeerSettings#localV6}).
 */
public final class BgpdConfigParser {

    /** Words a macro may not be named, because bgpd would read them as keywords. */
    private static final Set<String> RESERVED = Set.of("AS", "router-id", "listen", "holdtime",
            "fib-update", "network", "prefix-set", "group", "neighbor", "allow", "deny", "match",
            "include", "set", "from", "to", "any", "ebgp", "ibgp", "prefix", "community");

    private final ConfigLexer lexer;
    private final Map<String, String> macros = new HashMap<>();
    private final ValueReader v;
    private final FilterRuleParser filterRules;

    private Optional<Asn> asn = Optional.empty();
    private Optional<RouterId> routerId = Optional.empty();
    private final List<BgpdConfig.ListenConfig> listen = new ArrayList<>();
    private Optional<String> controlSocket = Optional.empty();
    private int holdTime = BgpdConfig.DEFAULT_HOLD_TIME;
    private int connectRetry = BgpdConfig.DEFAULT_CONNECT_RETRY;
    private boolean fibUpdate = true;
    private final List<PrefixSetConfig> prefixSets = new ArrayList<>();
    private final List<NetworkConfig> networks = new ArrayList<>();
    private final List<GroupConfig> groups = new ArrayList<>();
    private final List<NeighborConfig> neighbors = new ArrayList<>();
    private final List<FilterRule> filters = new ArrayList<>();
    private final Set<InetAddress> neighborAddresses = new HashSet<>();

    private BgpdConfigParser(String file, String text) {
        this.lexer = new ConfigLexer(file, text, macros);
        this.v = new ValueReader(file, lexer);
        this.filterRules = new FilterRuleParser(lexer, v, neighborAddresses, groups);
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
            throw v.error(end, "no \"AS\" statement: the local AS number is required");
        }
        return new BgpdConfig(asn.get(), routerId, listen, controlSocket, holdTime,
                connectRetry, fibUpdate, prefixSets, networks, groups, neighbors, filters);
    }

    private void topLevelStatement() throws ConfigException {
        Token t = lexer.peek();
        if ((t.is(Kind.WORD) || t.is(Kind.STRING)) && lexer.peek(1).is(Kind.OP)
                && lexer.peek(1).text().equals("=")) {
            macroDefinition();
            return;
        }
        if (!t.is(Kind.WORD)) {
            throw v.error(t, "unexpected " + t.describe());
        }
        lexer.next();
        switch (t.text()) {
            case "AS":
                asn = Optional.of(v.asNumber(lexer.next()));
                if (lexer.peek().is(Kind.WORD)) {
                    throw v.error(lexer.peek(), "a fallback 2-byte AS number is not supported");
                }
                break;
            case "router-id":
                routerId = Optional.of(v.routerId(lexer.next()));
                break;
            case "listen":
                listenOn();
                break;
            case "holdtime":
                holdTime = v.holdTime(lexer.next());
                break;
            case "connect-retry":
                connectRetry = (int) v.number(lexer.next(), 1, 0xFFFF, "connect-retry");
                break;
            case "socket":
                Token path = lexer.next();
                if (!path.is(Kind.STRING) || path.text().isEmpty()) {
                    throw v.error(path, "\"socket\" needs a quoted path");
                }
                if (lexer.peek().isWord("restricted")) {
                    throw v.error(lexer.peek(), "restricted control sockets are not supported");
                }
                controlSocket = Optional.of(path.text());
                break;
            case "fib-update":
                fibUpdate = v.yesNo(lexer.next());
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
                filters.add(filterRules.parse(t));
                break;
            case "include":
                throw v.error(t, "\"include\" is not supported: put everything in one file");
            default:
                throw v.error(t, "unknown keyword \"" + t.text() + "\"");
        }
        endOfStatement();
    }

    private void macroDefinition() throws ConfigException {
        Token name = lexer.next();
        lexer.next(); // '='
        if (!name.text().matches("[A-Za-z0-9_]+")) {
            throw v.error(name, "invalid macro name \"" + name.text() + "\"");
        }
        if (RESERVED.contains(name.text())) {
            throw v.error(name, "macro name \"" + name.text() + "\" is a reserved word");
        }
        Token value = lexer.next();
        if (!value.is(Kind.STRING) && !value.is(Kind.WORD)) {
            throw v.error(value, "macro \"" + name.text() + "\" needs a value");
        }
        macros.put(name.text(), value.text());
        endOfStatement();
    }

    private void endOfStatement() throws ConfigException {
        Token t = lexer.peek();
        if (t.is(Kind.EOL)) {
            lexer.next();
        } else if (!t.is(Kind.EOF) && !t.is(Kind.RBRACE)) {
            throw v.error(t, "unexpected " + t.describe());
        }
    }

    // ---- global statements ----------------------------------------------------------------

    private void listenOn() throws ConfigException {
        v.expectWord("on", "\"listen\" must be followed by \"on\"");
        InetAddress address = v.address(lexer.next());
        int port = 179;
        if (lexer.peek().isWord("port")) {
            lexer.next();
            port = v.port(lexer.next());
        }
        listen.add(new BgpdConfig.ListenConfig(address, port));
    }

    private void prefixSet() throws ConfigException {
        Token name = v.name(lexer.next(), "prefix-set");
        if (prefixSets.stream().anyMatch(s -> s.name().equals(name.text()))) {
            throw v.error(name, "prefix-set \"" + name.text() + "\" already defined");
        }
        List<PrefixMatch> entries = new ArrayList<>();
        Token open = lexer.next();
        if (!open.is(Kind.LBRACE)) {
            throw v.error(open, "expected \"{\" after prefix-set name, got " + open.describe());
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
                throw v.error(t, "missing \"}\" at end of prefix-set \"" + name.text() + "\"");
            }
            PrefixMatch m = v.prefixLengthSuffix(v.prefix(t));
            if (m.op() == PrefixMatch.LengthOp.NE || m.op() == PrefixMatch.LengthOp.EXCEPT_RANGE) {
                // bgpd's prefix-set trie stores one length range per prefix; neither fits
                throw v.error(t, "unsupported prefixlen operation \"" + m.op().token()
                        + "\" in prefix-set");
            }
            entries.add(m);
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
                throw v.error(kind, "\"network " + t.text() + " " + kind.text()
                        + "\" is not supported");
            } else {
                throw v.error(kind, "expected \"connected\" or \"static\" after \"network "
                        + t.text() + "\", got " + kind.describe());
            }
        } else if (t.isWord("prefix-set")) {
            Token name = v.name(lexer.next(), "prefix-set");
            PrefixSetConfig set = prefixSets.stream().filter(s -> s.name().equals(name.text()))
                    .findFirst()
                    .orElseThrow(() -> v.error(name, "prefix-set \"" + name.text()
                            + "\" not defined"));
            if (set.entries().stream().anyMatch(PrefixMatch::hasLengthOperator)) {
                throw v.error(name, "prefix-set " + name.text()
                        + " has prefixlen operators and cannot be used in network statements");
            }
            networks.add(new NetworkConfig.PrefixSet(name.text()));
        } else {
            networks.add(new NetworkConfig.Prefix(v.prefix(t)));
        }
        if (lexer.peek().isWord("set")) {
            throw v.error(lexer.peek(), "\"set\" on network statements is not supported");
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
                    exIf.add(v.name(name, "interface").text());
                }
            } else if (what.isWord("prefix")) {
                for (Token p : wordList("prefix")) {
                    (exclude ? exPrefix : inPrefix).add(v.prefix(p));
                }
            } else {
                throw v.error(what, "expected " + (exclude ? "\"interface\" or " : "")
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
                throw v.error(i, "missing \"}\" at end of " + what + " list");
            }
            out.add(i);
        }
        if (out.isEmpty()) {
            throw v.error(t, "empty " + what + " list");
        }
        return out;
    }

    // ---- groups and neighbors -------------------------------------------------------------

    private void group() throws ConfigException {
        Token name = v.name(lexer.next(), "group");
        if (groups.stream().anyMatch(g -> g.name().equals(name.text()))) {
            throw v.error(name, "group \"" + name.text() + "\" already defined");
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
                throw v.error(t, "missing \"}\" at end of group \"" + name.text() + "\"");
            }
            if (t.isWord("neighbor")) {
                memberTokens.add(t);
                members.add(neighbor(null, t));
            } else if (t.isWord("group")) {
                throw v.error(t, "groups cannot be nested");
            } else {
                peerSetting(t, settings, "group");
            }
            endOfStatement();
        }
        PeerSettings built = settings.build();
        for (int i = 0; i < members.size(); i++) {
            NeighborConfig n = members.get(i);
            requireRemoteAs(memberTokens.get(i), n, built);
            if (built.md5Password().isPresent() && n.settings().md5Password().isPresent()) {
                // bgpd: "auth method cannot be redefined"; two passwords in play is a mistake
                throw v.error(memberTokens.get(i), "neighbor "
                        + BgpdConfigWriter.address(n.address())
                        + " cannot redefine the tcp md5sig password of group \"" + name.text()
                        + "\"");
            }
        }
        groups.add(new GroupConfig(name.text(), built, members));
    }

    /**
     * A neighbor block after its {@code neighbor} keyword. {@code inherited} is checked for
     * {@code remote-as} at once (top level); {@code null} defers the check to the group's end.
     */
    private NeighborConfig neighbor(PeerSettings inherited, Token keyword) throws ConfigException {
        Token addrToken = lexer.next();
        InetAddress address = v.address(addrToken);
        if (!neighborAddresses.add(address)) {
            throw v.error(addrToken, "neighbor " + BgpdConfigWriter.address(address)
                    + " already defined");
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
                throw v.error(t, "missing \"}\" at end of neighbor "
                        + BgpdConfigWriter.address(address));
            }
            if (t.isWord("neighbor") || t.isWord("group")) {
                throw v.error(t, "\"" + t.text() + "\" is not allowed inside a neighbor block");
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
            throw v.error(at, "neighbor " + BgpdConfigWriter.address(n.address())
                    + " has no remote-as");
        }
    }

    private void openBlock(String what) throws ConfigException {
        Token open = lexer.next();
        if (!open.is(Kind.LBRACE)) {
            throw v.error(open, "expected \"{\" to open the " + what + " block, got "
                    + open.describe());
        }
    }

    /** One line of a group or neighbor block; {@code t} is its (consumed) keyword. */
    private void peerSetting(Token t, PeerSettings.Builder s, String block)
            throws ConfigException {
        if (!t.is(Kind.WORD)) {
            throw v.error(t, "unexpected " + t.describe() + " in " + block + " block");
        }
        switch (t.text()) {
            case "remote-as":
                s.remoteAs(v.asNumber(lexer.next()));
                break;
            case "descr":
                Token d = lexer.next();
                if (!d.is(Kind.STRING) && !d.is(Kind.WORD)) {
                    throw v.error(d, "\"descr\" needs a description");
                }
                if (d.text().length() > 31) {
                    // bgpd's limit (PEER_DESCR_LEN); longer names break its show output too
                    throw v.error(d, "descr \"" + d.text() + "\" too long: at most 31 characters");
                }
                s.description(d.text());
                break;
            case "passive":
                s.passive(true);
                break;
            case "holdtime":
                s.holdTime(v.holdTime(lexer.next()));
                break;
            case "local-address":
                s.localAddress(v.address(lexer.next()));
                break;
            case "port":
                s.port(v.port(lexer.next()));
                break;
            case "tcp":
                md5(s);
                break;
            case "ttl-security":
                s.ttlSecurity(v.yesNo(lexer.next()));
                break;
            case "max-prefix":
                s.maxPrefix(maxPrefix());
                break;
            case "announce":
                announce(s);
                break;
            default:
                throw v.error(t, "unknown keyword \"" + t.text() + "\" in " + block + " block");
        }
    }

    private void md5(PeerSettings.Builder s) throws ConfigException {
        v.expectWord("md5sig", "expected \"md5sig\" after \"tcp\"");
        Token kind = lexer.next();
        if (kind.isWord("key")) {
            throw v.error(kind, "\"tcp md5sig key\" is not supported: use \"tcp md5sig password\"");
        }
        if (!kind.isWord("password")) {
            throw v.error(kind, "expected \"password\" after \"tcp md5sig\", got "
                    + kind.describe());
        }
        Token secret = lexer.next();
        if (!secret.is(Kind.STRING) && !secret.is(Kind.WORD)) {
            throw v.error(secret, "\"tcp md5sig password\" needs a password");
        }
        if (secret.text().isEmpty() || secret.text().length() > 79) {
            throw v.error(secret, "md5 password must be 1 to 79 characters long");
        }
        s.md5Password(new Secret(secret.text()));
    }

    private MaxPrefix maxPrefix() throws ConfigException {
        Token n = lexer.next();
        long limit = v.number(n, 1, 0xFFFF_FFFFL, "max-prefix");
        if (lexer.peek().isWord("out")) {
            throw v.error(lexer.peek(), "\"max-prefix ... out\" is not supported");
        }
        OptionalInt restart = OptionalInt.empty();
        if (lexer.peek().isWord("restart")) {
            lexer.next();
            restart = OptionalInt.of((int) v.number(lexer.next(), 1, 0xFFFF, "restart"));
        }
        return new MaxPrefix(limit, restart);
    }

    private void announce(PeerSettings.Builder s) throws ConfigException {
        Token family = lexer.next();
        if (family.isWord("all") || family.isWord("self") || family.isWord("none")
                || family.isWord("default-route")) {
            throw v.error(family, "\"announce " + family.text()
                    + "\" is obsolete bgpd syntax: use filter rules and \"announce IPv4 unicast\"");
        }
        Afi afi;
        if (family.text().equalsIgnoreCase("IPv4")) {
            afi = Afi.IPV4;
        } else if (family.text().equalsIgnoreCase("IPv6")) {
            afi = Afi.IPV6;
        } else {
            throw v.error(family, "unknown announce family " + family.describe()
                    + ": expected IPv4 or IPv6");
        }
        Token safi = lexer.next();
        if (safi.isWord("unicast")) {
            s.announce(afi, true);
        } else if (safi.isWord("none")) {
            s.announce(afi, false);
        } else {
            throw v.error(safi, "unsupported announce " + family.text() + " " + safi.describe()
                    + ": expected unicast or none");
        }
    }
}
