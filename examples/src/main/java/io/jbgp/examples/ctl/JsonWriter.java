package io.jbgp.examples.ctl;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming JSON writer (RFC 8259) for bgpctl's {@code -j} output: no reflection, the
 * shape of every document is spelled out where it is written, so it stays stable for scripts.
 * Strings are escaped per RFC 8259 §7: quote, backslash and control characters; unpaired
 * surrogates as {@code \\uXXXX} so the output is always valid UTF-8.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Per open container: whether the next member needs a comma before it. */
    private final Deque<Boolean> needsComma = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        separate();
        out.append('{');
        needsComma.push(false);
        return this;
    }

    JsonWriter endObject() {
        needsComma.pop();
        out.append('}');
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        needsComma.push(false);
        return this;
    }

    JsonWriter endArray() {
        needsComma.pop();
        out.append(']');
        return this;
    }

    /** An object member's name; its value follows. */
    JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        separate();
        if (s == null) {
            out.append("null");
        } else {
            quote(s);
        }
        return this;
    }

    JsonWriter value(long n) {
        separate();
        out.append(n);
        return this;
    }

    JsonWriter value(boolean b) {
        separate();
        out.append(b);
        return this;
    }

    JsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    /** {@code "name": "value"}. */
    JsonWriter member(String name, String value) {
        return name(name).value(value);
    }

    /** {@code "name": n}. */
    JsonWriter member(String name, long value) {
        return name(name).value(value);
    }

    /** {@code "name": true|false}. */
    JsonWriter member(String name, boolean value) {
        return name(name).value(value);
    }

    /** The document, with a final newline (one document per response). */
    String finish() {
        if (!needsComma.isEmpty()) {
            throw new IllegalStateException("finish: " + needsComma.size() + " containers open");
        }
        return out.append('\n').toString();
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!needsComma.isEmpty()) {
            if (needsComma.pop()) {
                out.append(',');
            }
            needsComma.push(true);
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20 || unpairedSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private static boolean unpairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
