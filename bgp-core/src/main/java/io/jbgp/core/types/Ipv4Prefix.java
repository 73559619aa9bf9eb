package io.jbgp.core.types;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * An IPv4 prefix. The compact constructor zeroes host bits, so equal prefixes are equal records.
 *
 * @param addr   the network address, 32 bits in an {@code int}
 * @param length prefix length 0..32
 */
public record Ipv4Prefix(int addr, int length) implements IpPrefix {
    /** The default route, 0.0.0.0/0. */
    public static final Ipv4Prefix DEFAULT = new Ipv4Prefix(0, 0);

    /**
     * Checks the length is 0..32 and clears the host bits, so equal prefixes are equal records.
     *
     * @param addr the network address, 32 bits in an {@code int}
     * @param length prefix length 0..32
     */
    public Ipv4Prefix {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("IPv4 prefix length out of range: " + length);
        }
        addr &= mask(length);
    }

    /**
     * A well-mixed hash (the murmur3 32-bit finaliser over address and length). The record's
     * default {@code 31 * addr + length} keeps the low bits constant for aligned prefixes, so a
     * full table fell into a quarter of a {@code HashMap}'s buckets and treeified many of them.
     */
    @Override
    public int hashCode() {
        int h = addr * 0x9E3779B9 + length;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    /**
     * @param addr the address as 32 bits; host bits are cleared
     * @param length prefix length, 0..32
     * @return the prefix
     */
    public static Ipv4Prefix of(int addr, int length) {
        return new Ipv4Prefix(addr, length);
    }

    /**
     * The netmask for a length, e.g. 0xFFFFFF00 for 24.
     *
     * @param length prefix length, 0..32
     * @return the mask with {@code length} leading one bits
     */
    public static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    @Override
    public Afi afi() {
        return Afi.IPV4;
    }

    @Override
    public int maxLength() {
        return 32;
    }

    @Override
    public Inet4Address address() {
        return RouterId.Ipv4.toInetAddress(addr);
    }

    @Override
    public boolean contains(IpPrefix other) {
        return other instanceof Ipv4Prefix o && o.length >= length && (o.addr & mask(length)) == addr;
    }

    @Override
    public boolean containsAddress(InetAddress address) {
        return address instanceof Inet4Address && (RouterId.Ipv4.toInt(address) & mask(length)) == addr;
    }

    /**
     * True when the 32-bit address lies inside this prefix.
     *
     * @param address an IPv4 address as 32 bits
     * @return true when its first {@code length} bits equal the prefix's
     */
    public boolean containsAddress(int address) {
        return (address & mask(length)) == addr;
    }

    @Override
    public String toString() {
        return RouterId.Ipv4.toString(addr) + "/" + length;
    }
}
