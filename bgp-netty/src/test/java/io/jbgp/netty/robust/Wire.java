package io.jbgp.netty.robust;

import io.jbgp.core.types.Ipv4Prefix;
import java.io.ByteArrayOutputStream;

/**
 * Hand-made UPDATE bytes (RFC 4271 §4.3), for messages our own writer refuses to produce:
 * <pre>
 * +-----------------------------------------------------+
 * |   Withdrawn Routes Length (2 octets)                |
 * |   Withdrawn Routes (variable)                       |
 * |   Total Path Attribute Length (2 octets)            |
 * |   Path Attributes (variable)                        |
 * |   Network Layer Reachability Information (variable) |
 * +-----------------------------------------------------+
 * </pre>
 * Attribute flags used below: 0x40 well-known transitive, 0x80 optional, 0xC0 optional
 * transitive, 0x10 extended length.
 */
final class Wire {
    private Wire() {}

    /** A whole message: 16 octets of ones, length, type, body. */
    static byte[] message(int type, byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 16; i++) {
            b.write(0xFF);
        }
        int len = 19 + body.length;
        b.write(len >> 8);
        b.write(len);
        b.write(type);
        b.writeBytes(body);
        return b.toByteArray();
    }

    /** An UPDATE with the given sections; the two length fields are computed. */
    static byte[] update(byte[] withdrawn, byte[] attributes, byte[] nlri) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(withdrawn.length >> 8);
        b.write(withdrawn.length);
        b.writeBytes(withdrawn);
        b.write(attributes.length >> 8);
        b.write(attributes.length);
        b.writeBytes(attributes);
        b.writeBytes(nlri);
        return message(2, b.toByteArray());
    }

    /** One attribute with a one-octet length equal to the value's length. */
    static byte[] attr(int flags, int type, int... value) {
        return attrWithLength(flags, type, value.length, value);
    }

    /** One attribute whose length field says {@code length}, whatever the value holds. */
    static byte[] attrWithLength(int flags, int type, int length, int... value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(flags);
        b.write(type);
        b.write(length);
        for (int v : value) {
            b.write(v);
        }
        return b.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    /** ORIGIN IGP. */
    static byte[] originIgp() {
        return attr(0x40, 1, 0);
    }

    /** AS_PATH of one AS_SEQUENCE, 4-octet ASes; empty without any. */
    static byte[] asPath(long... asns) {
        if (asns.length == 0) {
            return attr(0x40, 2); // iBGP-originated: an empty AS_PATH
        }
        int[] v = new int[2 + 4 * asns.length];
        v[0] = 2;
        v[1] = asns.length;
        for (int i = 0; i < asns.length; i++) {
            v[2 + 4 * i] = (int) (asns[i] >>> 24) & 0xFF;
            v[3 + 4 * i] = (int) (asns[i] >>> 16) & 0xFF;
            v[4 + 4 * i] = (int) (asns[i] >>> 8) & 0xFF;
            v[5 + 4 * i] = (int) asns[i] & 0xFF;
        }
        return attr(0x40, 2, v);
    }

    static byte[] nextHop(int a, int b, int c, int d) {
        return attr(0x40, 3, a, b, c, d);
    }

    /** IPv4 NLRI encoding of prefixes (length octet, then the significant octets). */
    static byte[] nlri(Ipv4Prefix... prefixes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Ipv4Prefix p : prefixes) {
            b.write(p.length());
            int octets = (p.length() + 7) / 8;
            for (int i = 0; i < octets; i++) {
                b.write(p.addr() >>> (24 - 8 * i));
            }
        }
        return b.toByteArray();
    }

    static byte[] none() {
        return new byte[0];
    }
}
