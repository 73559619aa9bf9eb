package io.jbgp.examples.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Splits bgpd.conf text into tokens, the way OpenBGPD's {@code yylex} does: {@code #} comments
 * to end of line, {@code \}-newline continues a line, newlines end statements, double-quoted
 * strings with {@code \"} and {@code \\} escapes, and {@code $name} replaced by the re-lexed
 * value of a macro (so {@code good="{ 198.51.100.0/24, 203.0.113.0/24 }"} expands to a list).
 * Macros are not expanded inside quotes.
 *
 * <p>Extension: {@code ;} ends a statement like a newline, so short blocks fit one line.
 *
 * <p>Tokens are produced lazily because macro definitions earlier in the file change how later
 * {@code $name}s expand.
 */
final class ConfigLexer {
    /** Token kinds. {@code OP} is one of {@code = != < <= > >= ><}. */
    enum Kind { WORD, STRING, LBRACE, RBRACE, COMMA, OP, EOL, EOF }

    /** A token with the 1-based line it starts on. */
    record Token(Kind kind, String text, int line) {
        boolean is(Kind k) {
            return kind == k;
        }

        /** An unquoted word equal to {@code word}. */
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equals(word);
        }

        /** How the token appears in an error message. */
        String describe() {
            switch (kind) {
                case EOL: return "end of line";
                case EOF: return "end of file";
                case STRING: return "\"" + text + "\"";
                default: return "\"" + text + "\"";
            }
        }
    }

    private static final int MAX_EXPANSION_DEPTH = 16;

    private final String file;
    private final String text;
    private final Map<String, String> macros;
    private final int depth;
    private final int fixedLine;
    private int pos;
    private int line = 1;
    private final Deque<Token> pending = new ArrayDeque<>();
    private final List<Token> lookahead = new ArrayList<>();

    ConfigLexer(String file, String text, Map<String, String> macros) {
        this(file, text, macros, 0, 0);
    }

    private ConfigLexer(String file, String text, Map<String, String> macros, int depth,
            int fixedLine) {
        this.file = file;
        this.text = text;
        this.macros = macros;
        this.depth = depth;
        this.fixedLine = fixedLine;
    }

    /** The token {@code k} positions ahead (0 = next) without consuming it. */
    Token peek(int k) throws ConfigException {
        while (lookahead.size() <= k) {
            lookahead.add(produce());
        }
        return lookahead.get(k);
    }

    Token peek() throws ConfigException {
        return peek(0);
    }

    Token next() throws ConfigException {
        Token t = peek(0);
        lookahead.remove(0);
        return t;
    }

    private int currentLine() {
        return fixedLine > 0 ? fixedLine : line;
    }

    private Token produce() throws ConfigException {
        while (true) {
            if (!pending.isEmpty()) {
                return pending.poll();
            }
            Token t = scan();
            if (t.is(Kind.WORD) && t.text().startsWith("$")) {
                expand(t);
                continue;
            }
            return t;
        }
    }

    private void expand(Token t) throws ConfigException {
        String name = t.text().substring(1);
        String value = macros.get(name);
        if (value == null) {
            throw new ConfigException(file, t.line(), "macro \"" + name + "\" not defined");
        }
        if (depth >= MAX_EXPANSION_DEPTH) {
            throw new ConfigException(file, t.line(), "macro \"" + name + "\" expands too deeply");
        }
        ConfigLexer sub = new ConfigLexer(file, value, macros, depth + 1, t.line());
        List<Token> tokens = new ArrayList<>();
        for (Token s = sub.next(); !s.is(Kind.EOF); s = sub.next()) {
            tokens.add(s);
        }
        for (int i = tokens.size() - 1; i >= 0; i--) {
            pending.push(tokens.get(i));
        }
    }

    private Token scan() throws ConfigException {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                // a comment runs to the end of the line; the newline itself still ends the statement
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\\' && continuesLine()) {
                continue;
            } else {
                break;
            }
        }
        if (pos >= text.length()) {
            return new Token(Kind.EOF, "", currentLine());
        }
        char c = text.charAt(pos);
        int startLine = currentLine();
        switch (c) {
            case '\n':
                pos++;
                line++;
                return new Token(Kind.EOL, "\n", startLine);
            case ';':
                pos++;
                return new Token(Kind.EOL, ";", startLine);
            case '{':
                pos++;
                return new Token(Kind.LBRACE, "{", startLine);
            case '}':
                pos++;
                return new Token(Kind.RBRACE, "}", startLine);
            case ',':
                pos++;
                return new Token(Kind.COMMA, ",", startLine);
            case '"':
                return quoted(startLine);
            case '<': case '>': case '=': case '!':
                return operator(startLine);
            default:
                return word(startLine);
        }
    }

    /** At a backslash: if a newline follows (maybe after blanks), swallow both; bgpd's rule. */
    private boolean continuesLine() {
        int p = pos + 1;
        while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t'
                || text.charAt(p) == '\r')) {
            p++;
        }
        if (p < text.length() && text.charAt(p) == '\n') {
            pos = p + 1;
            line++;
            return true;
        }
        return false;
    }

    private Token quoted(int startLine) throws ConfigException {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') {
                throw new ConfigException(file, startLine, "unterminated quoted string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return new Token(Kind.STRING, sb.toString(), startLine);
            }
            if (c == '\\' && pos < text.length()) {
                char n = text.charAt(pos);
                if (n == '"' || n == '\\') {
                    sb.append(n);
                    pos++;
                    continue;
                }
                if (n == '\n') {
                    // continuation inside a string, as in bgpd
                    pos++;
                    line++;
                    continue;
                }
            }
            sb.append(c);
        }
    }

    private Token operator(int startLine) throws ConfigException {
        char c = text.charAt(pos);
        char n = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
        String op;
        if ((c == '<' || c == '>' || c == '!') && n == '=') {
            op = c + "=";
        } else if (c == '>' && n == '<') {
            op = "><";
        } else if (c == '!') {
            throw new ConfigException(file, startLine, "unexpected \"!\"");
        } else {
            op = String.valueOf(c);
        }
        pos += op.length();
        return new Token(Kind.OP, op, startLine);
    }

    private Token word(int startLine) {
        int start = pos;
        while (pos < text.length() && !endsWord(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            pos++; // a lone backslash not ending the line: a one-character word, rejected later
        }
        return new Token(Kind.WORD, text.substring(start, pos), startLine);
    }

    private static boolean endsWord(char c) {
        return " \t\r\n#;{},\"<>=!\\".indexOf(c) >= 0;
    }
}
