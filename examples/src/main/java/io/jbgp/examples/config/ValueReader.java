package io.jbgp.examples.config;

import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.examples.config.ConfigLexer.Kind;
import io.jbgp.examples.config.ConfigLexer.Token;
import java.net.InetAddress;
import java.util.Map;

/**
 * Reads typed values (AS numbers, addresses, prefixes with length operators, communities,
 * bounded numbers) from bgpd.conf tokens, with bgpd's ranges and an error naming the line for
 * anything else. Shared by the statement parsers.
 */
final class ValueReader {
    private final String file;
    private final ConfigLexer lexer;

    ValueReader(String file, ConfigLexer lexer) {
        this.file = file;
        this.lexer = lexer;
    }

    Asn asNumber(Token t) throws ConfigException {
        requireValue(t, "AS number");
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

    RouterId routerId(Token t) throws ConfigException {
        requireValue(t, "router-id");
        try {
            return RouterId.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw error(t, "invalid router-id " + t.describe() + ": expected A.B.C.D");
        }
    }

    InetAddress address(Token t) throws ConfigException {
        requireValue(t, "address");
        if (!t.is(Kind.WORD) || !looksLikeAddress(t.text())) {
            throw error(t, "invalid address " + t.describe());
        }
        try {
            return IpPrefix.parseAddress(t.text());
        } catch (IllegalArgumentException e) {
            throw error(t, "invalid address " + t.describe());
        }
    }

    static boolean looksLikeAddress(String s) {
        return s.matches("[0-9.]+") || (s.indexOf(':') >= 0 && s.matches("[0-9a-fA-F:.]+"));
    }

    IpPrefix prefix(Token t) throws ConfigException {
        requireValue(t, "prefix");
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
    PrefixMatch prefixLengthSuffix(IpPrefix p) throws ConfigException {
        Token t = lexer.peek();
        if (t.isWord("or-longer")) {
            lexer.next();
            return PrefixMatch.orLonger(p);
        }
        if (t.isWord("maxlen")) {
            lexer.next();
            Token n = lexer.next();
            int len = prefixLength(n, p);
            return checkReachable(n, new PrefixMatch(p, PrefixMatch.LengthOp.LE, len, len));
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
            return checkReachable(n, new PrefixMatch(p, op, len, len));
        }
        // binary forms: "8-12", "8 - 12", "8 >< 12"
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
        throw error(first, "expected a prefixlen operator or range, got " + first.describe());
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
        return checkReachable(at, new PrefixMatch(p, op, a, b));
    }

    /**
     * Refuses length ranges that end below the prefix's own length or start beyond the address
     * size: no route can match them, so they are a typo (bgpd refuses them too).
     */
    private PrefixMatch checkReachable(Token at, PrefixMatch m) throws ConfigException {
        if (m.op() == PrefixMatch.LengthOp.GT && m.low() >= m.prefix().maxLength()) {
            throw error(at, "prefixlen range starts at " + (m.low() + 1) + ", beyond the "
                    + m.prefix().maxLength() + " bits of " + m.prefix());
        }
        int max;
        switch (m.op()) {
            case LT: max = m.low() - 1; break;
            case LE: case EQ: max = m.low(); break;
            case RANGE: max = m.high(); break;
            default: return m;
        }
        if (max < m.prefix().length()) {
            throw error(at, "prefixlen range ends at " + max + ", below the length of "
                    + m.prefix());
        }
        return m;
    }

    private int prefixLength(Token t, IpPrefix p) throws ConfigException {
        return (int) number(t, 0, p.maxLength(), "prefixlen");
    }

    int holdTime(Token t) throws ConfigException {
        if (t.isWord("min")) {
            throw error(t, "\"holdtime min\" is not supported");
        }
        // bgpd refuses 0 although RFC 4271 §4.2 allows it; we follow bgpd so configs stay portable
        return (int) number(t, 3, 0xFFFF, "holdtime");
    }

    int port(Token t) throws ConfigException {
        return (int) number(t, 1, 0xFFFF, "port");
    }

    long number(Token t, long min, long max, String what) throws ConfigException {
        requireValue(t, what);
        if (t.is(Kind.WORD) && t.text().matches("[0-9]{1,19}")) {
            long v = Long.parseLong(t.text());
            if (v >= min && v <= max) {
                return v;
            }
        }
        throw error(t, "invalid " + what + " " + t.describe() + ": must be between " + min
                + " and " + max);
    }

    boolean yesNo(Token t) throws ConfigException {
        requireValue(t, "yes or no");
        if (t.isWord("yes")) {
            return true;
        }
        if (t.isWord("no")) {
            return false;
        }
        throw error(t, "expected yes or no, got " + t.describe());
    }

    Community community(Token t) throws ConfigException {
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

    LargeCommunity largeCommunity(Token t) throws ConfigException {
        if (t.is(Kind.WORD) && t.text().matches("[0-9]{1,10}:[0-9]{1,10}:[0-9]{1,10}")) {
            try {
                return LargeCommunity.parse(t.text());
            } catch (IllegalArgumentException e) {
                // fall through to the error below
            }
        }
        throw error(t, "invalid large-community " + t.describe());
    }

    /** A value was due but the line ended: say what is missing rather than "got end of line". */
    void requireValue(Token t, String what) throws ConfigException {
        if (t.is(Kind.EOL) || t.is(Kind.EOF)) {
            throw error(t, "missing " + what);
        }
    }

    Token name(Token t, String what) throws ConfigException {
        if ((!t.is(Kind.WORD) && !t.is(Kind.STRING)) || t.text().isEmpty()) {
            throw error(t, "expected a " + what + " name, got " + t.describe());
        }
        return t;
    }

    void expectWord(String word, String message) throws ConfigException {
        Token t = lexer.next();
        if (!t.isWord(word)) {
            throw error(t, message);
        }
    }

    ConfigException error(Token at, String message) {
        return new ConfigException(file, at.line(), message);
    }
}
