package io.jbgp.core.attr;

/**
 * A large community (RFC 8092): three unsigned 32-bit values, "global:local1:local2".
 *
 * @param global global administrator (an AS)
 * @param local1 local data part 1
 * @param local2 local data part 2
 */
public record LargeCommunity(long global, long local1, long local2) {
    /**
     * Checks that each part is 0..2³²−1.
     *
     * @param global global administrator (an AS)
     * @param local1 local data part 1
     * @param local2 local data part 2
     */
    public LargeCommunity {
        if ((global | local1 | local2) < 0 || global > 0xFFFF_FFFFL || local1 > 0xFFFF_FFFFL || local2 > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("large community parts are 32 bits");
        }
    }

    /**
     * Parses the "global:local1:local2" text form.
     *
     * @param text three decimal numbers separated by colons
     * @return the community
     * @throws IllegalArgumentException if the text is not three 32-bit unsigned numbers
     */
    public static LargeCommunity parse(String text) {
        String[] p = text.trim().split(":");
        if (p.length != 3) {
            throw new IllegalArgumentException("not a large community: " + text);
        }
        try {
            return new LargeCommunity(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a large community: " + text, e);
        }
    }

    @Override
    public String toString() {
        return global + ":" + local1 + ":" + local2;
    }
}
