package io.jbgp.core.types;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with value equality, for opaque wire data kept in records (unknown
 * capabilities and attributes, NOTIFICATION data). Records holding a raw {@code byte[]} would
 * compare by identity; this keeps {@code equals} structural.
 */
public final class Bytes {
    /** The empty byte string. */
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Copies the array.
     *
     * @param bytes the contents; later changes to the array do not affect the result
     * @return the byte string
     */
    public static Bytes of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
    }

    /**
     * Takes ownership of an array the caller promises never to touch again.
     *
     * @param bytes the contents, not copied
     * @return the byte string
     */
    public static Bytes wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes);
    }

    /**
     * @param hex hexadecimal digits, whitespace ignored, e.g. "ff 00 1a"
     * @return the byte string
     * @throws IllegalArgumentException if the text is not an even number of hex digits
     */
    public static Bytes fromHex(String hex) {
        return wrap(HEX.parseHex(hex.replaceAll("\\s+", "")));
    }

    /** {@return the number of octets} */
    public int length() {
        return bytes.length;
    }

    /**
     * @param i index from 0 to {@code length() - 1}
     * @return the octet at that index
     */
    public byte get(int i) {
        return bytes[i];
    }

    /** {@return a fresh copy of the contents} */
    public byte[] toArray() {
        return bytes.clone();
    }

    /**
     * Read-only access for codecs that write the contents out; callers must not modify it.
     *
     * @return the backing array itself, not a copy
     */
    public byte[] unsafeArray() {
        return bytes;
    }

    /** {@return the contents as lowercase hex digits without separators} */
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
