package io.jbgp.core.types;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with value equality, for opaque wire data kept in records (unknown
 * capabilities and attributes, NOTIFICATION data). Records holding a raw {@code byte[]} would
 * compare by identity; this keeps {@code equals} structural.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies the array. */
    public static Bytes of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
    }

    /** Takes ownership of an array the caller promises never to touch again. */
    public static Bytes wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes);
    }

    public static Bytes fromHex(String hex) {
        return wrap(HEX.parseHex(hex.replaceAll("\\s+", "")));
    }

    public int length() {
        return bytes.length;
    }

    public byte get(int i) {
        return bytes[i];
    }

    /** {@return a fresh copy of the contents} */
    public byte[] toArray() {
        return bytes.clone();
    }

    /** Read-only access for codecs that write the contents out; callers must not modify it. */
    public byte[] unsafeArray() {
        return bytes;
    }

    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "0x" + toHex();
    }
}
