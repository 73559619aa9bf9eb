package io.jbgp.examples.ctl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A control-socket response and its framing. One request per connection:
 *
 * <pre>
 * client → server   REQUEST-LINE "\n"                 UTF-8, at most 1024 characters
 * server → client   ("OK" | "ERR") " " LENGTH "\n"    LENGTH: decimal byte count of BODY
 *                   BODY                              UTF-8 text or one JSON document
 * then the server closes the connection.
 * </pre>
 *
 * A length prefix rather than a terminator line means bodies need no escaping and the client
 * knows a truncated answer from a complete one.
 *
 * @param ok {@code OK} or {@code ERR}
 * @param body what the client prints (stdout for OK, stderr for ERR)
 */
public record ControlResponse(boolean ok, String body) {
    /** Largest body a client accepts: a full table with {@code detail} fits. */
    public static final int MAX_BODY = 512 * 1024 * 1024;

    /** A success. */
    public static ControlResponse ok(String body) {
        return new ControlResponse(true, body);
    }

    /** A failure. */
    public static ControlResponse error(String body) {
        return new ControlResponse(false, body);
    }

    /** Header and body as sent on the wire. */
    byte[] encode() {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] h = ((ok ? "OK " : "ERR ") + b.length + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + b.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(b, 0, out, h.length, b.length);
        return out;
    }

    /** Reads one framed response. */
    static ControlResponse read(TimedChannel ch) throws IOException {
        String header = new String(ch.readLine(32), StandardCharsets.US_ASCII);
        boolean ok;
        String len;
        if (header.startsWith("OK ")) {
            ok = true;
            len = header.substring(3);
        } else if (header.startsWith("ERR ")) {
            ok = false;
            len = header.substring(4);
        } else {
            throw new IOException("bad response header \"" + header + "\"");
        }
        int n;
        try {
            n = Integer.parseInt(len);
        } catch (NumberFormatException e) {
            throw new IOException("bad response length \"" + len + "\"", e);
        }
        if (n < 0 || n > MAX_BODY) {
            throw new IOException("response length " + n + " out of range");
        }
        return new ControlResponse(ok, new String(ch.readExactly(n), StandardCharsets.UTF_8));
    }
}
