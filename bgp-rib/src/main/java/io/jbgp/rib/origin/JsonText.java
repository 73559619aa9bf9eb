package io.jbgp.rib.origin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal, strict JSON reader (RFC 8259) for iproute2's {@code ip -j} output, so the library
 * needs no JSON dependency; the examples' tests use it too, for bgpctl, vtysh and bgpctl -j output. Objects become {@code Map<String, Object>} (insertion ordered), arrays
 * {@code List<Object>}, numbers {@code Long} (or {@code Double} with a fraction or exponent),
 * plus {@code String}, {@code Boolean} and {@code null}. Malformed input throws
 * {@link IllegalArgumentException} with the offset; it never loops or recurses without bound
 * (nesting is capped).
 */
public final class JsonText {
    private static final int MAX_DEPTH = 64;

    private final String s;
    private int i;

    private JsonText(String s) {
        this.s = s;
    }

    /**
     * Parses one JSON value; trailing whitespace is allowed, anything else is an error.
     *
     * @param text the JSON text
     * @return a {@code Map}, {@code List}, {@code String}, {@code Long}, {@code Double}, {@code
     *     Boolean} or {@code null}
     * @throws IllegalArgumentException on malformed JSON
     */
    public static Object parse(String text) {
        JsonText p = new JsonText(text);
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.i != text.length()) {
            throw p.error("trailing characters");
        }
        return v;
    }

    /**
     * Parses text that must be a JSON array (empty input counts as an empty array).
     *
     * @param text the JSON text, possibly blank
     * @return the array elements
     * @throws IllegalArgumentException on malformed JSON or a non-array value
     */
    public static List<Object> parseArray(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        Object v = parse(text);
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("expected a JSON array");
        }
        return Collections.unmodifiableList(new ArrayList<>(l));
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting too deep");
        }
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++; // {
        skipSpace();
        if (peek() == '}') {
            i++;
            return m;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String k = string();
            skipSpace();
            expect(':');
            skipSpace();
            m.put(k, value(depth + 1));
            skipSpace();
            char c = next();
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> l = new ArrayList<>();
        i++; // [
        skipSpace();
        if (peek() == ']') {
            i++;
            return l;
        }
        while (true) {
            skipSpace();
            l.add(value(depth + 1));
            skipSpace();
            char c = next();
            if (c == ']') {
                return l;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        i++; // opening quote
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                // RFC 8259 §7: control characters must be escaped
                throw error("raw control character in string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("bad \\u escape");
                    }
                    i += 4;
                }
                default -> throw error("bad escape");
            }
        }
    }

    private Object number() {
        int start = i;
        if (peek() == '-') {
            i++;
        }
        boolean fraction = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                i++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                fraction = true;
                i++;
            } else {
                break;
            }
        }
        String t = s.substring(start, i);
        try {
            return fraction ? (Object) Double.parseDouble(t) : (Object) Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(t); // beyond long range
            } catch (NumberFormatException e2) {
                throw error("bad number " + t);
            }
        }
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, i)) {
            throw error("expected " + word);
        }
        i += word.length();
        return v;
    }

    private void skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("bad JSON at offset " + i + ": " + what);
    }
}
