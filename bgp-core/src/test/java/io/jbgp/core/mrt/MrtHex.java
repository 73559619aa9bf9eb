package io.jbgp.core.mrt;

import java.util.HexFormat;

/** Hex vectors with comments: {@code #} to the end of a line is dropped, so fields can be named. */
final class MrtHex {
    private MrtHex() {}

    static byte[] bytes(String commentedHex) {
        StringBuilder sb = new StringBuilder();
        for (String line : commentedHex.split("\n")) {
            int hash = line.indexOf('#');
            sb.append(hash < 0 ? line : line.substring(0, hash));
        }
        return HexFormat.of().parseHex(sb.toString().replaceAll("\\s+", ""));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
