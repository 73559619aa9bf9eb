package io.jbgp.core.codec;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Test-only: pulls the BGP messages out of a gzip'd BGP4MP / BGP4MP_ET MRT file (RFC 6396 §4.4),
 * just enough to feed the UPDATE codec with real data. The real MRT reader lives in
 * {@code io.jbgp.core.mrt}; this one knows only the MESSAGE subtypes.
 * <pre>
 * MRT header: Timestamp (4) | Type (2) | Subtype (2) | Length (4) [| Microseconds (4), ET only]
 * BGP4MP_MESSAGE(_AS4): Peer AS (2|4) | Local AS (2|4) | Interface (2) | AFI (2)
 *                       | Peer IP (4|16) | Local IP (4|16) | BGP message (header included)
 * </pre>
 */
final class UpdateMrtScanner {
    static final int BGP4MP = 16;
    static final int BGP4MP_ET = 17;

    /**
     * One BGP message from the file.
     *
     * @param fourOctetAs the record was an _AS4 subtype, so the session spoke 4-octet AS
     * @param message     the whole BGP message, header included
     */
    record Message(boolean fourOctetAs, byte[] message) {
        int type() {
            return message[18] & 0xFF;
        }
    }

    private UpdateMrtScanner() {}

    /** Every BGP message in MESSAGE / MESSAGE_AS4 / _LOCAL records; other records are skipped. */
    static List<Message> read(Path file) throws IOException {
        List<Message> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            byte[] header = new byte[12];
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    break;
                }
                int type = (header[4] & 0xFF) << 8 | (header[5] & 0xFF);
                int subtype = (header[6] & 0xFF) << 8 | (header[7] & 0xFF);
                int length = (header[8] & 0xFF) << 24 | (header[9] & 0xFF) << 16 | (header[10] & 0xFF) << 8
                        | (header[11] & 0xFF);
                byte[] rec = new byte[length];
                in.readFully(rec);
                if (type != BGP4MP && type != BGP4MP_ET) {
                    continue;
                }
                // 1 MESSAGE, 4 MESSAGE_AS4, 6 MESSAGE_LOCAL, 7 MESSAGE_AS4_LOCAL
                if (subtype != 1 && subtype != 4 && subtype != 6 && subtype != 7) {
                    continue;
                }
                boolean as4 = subtype == 4 || subtype == 7;
                int p = type == BGP4MP_ET ? 4 : 0;
                p += as4 ? 8 : 4; // peer AS, local AS
                p += 2; // interface index
                int afi = (rec[p] & 0xFF) << 8 | (rec[p + 1] & 0xFF);
                p += 2 + (afi == 2 ? 32 : 8);
                byte[] msg = new byte[rec.length - p];
                System.arraycopy(rec, p, msg, 0, msg.length);
                out.add(new Message(as4, msg));
            }
        }
        return out;
    }

    /**
     * The attribute types of an UPDATE body written with Extended Length although short: the one
     * wire choice the model does not keep, so a byte-exact re-encoding needs it passed back in.
     */
    static int[] extendedShortTypes(byte[] body) {
        int wl = (body[0] & 0xFF) << 8 | (body[1] & 0xFF);
        int p = 2 + wl;
        int al = (body[p] & 0xFF) << 8 | (body[p + 1] & 0xFF);
        p += 2;
        int end = p + al;
        List<Integer> types = new ArrayList<>();
        while (p + 3 <= end) {
            int flags = body[p] & 0xFF;
            int type = body[p + 1] & 0xFF;
            int len;
            if ((flags & 0x10) != 0) {
                len = (body[p + 2] & 0xFF) << 8 | (body[p + 3] & 0xFF);
                if (len <= 0xFF) {
                    types.add(type);
                }
                p += 4 + len;
            } else {
                len = body[p + 2] & 0xFF;
                p += 3 + len;
            }
        }
        return types.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The attribute type codes of an UPDATE body in wire order. */
    static List<Integer> attributeOrder(byte[] body) {
        int wl = (body[0] & 0xFF) << 8 | (body[1] & 0xFF);
        int p = 2 + wl;
        int al = (body[p] & 0xFF) << 8 | (body[p + 1] & 0xFF);
        p += 2;
        int end = p + al;
        List<Integer> types = new ArrayList<>();
        while (p + 3 <= end) {
            int flags = body[p] & 0xFF;
            types.add(body[p + 1] & 0xFF);
            p += (flags & 0x10) != 0 ? 4 + ((body[p + 2] & 0xFF) << 8 | (body[p + 3] & 0xFF)) : 3 + (body[p + 2] & 0xFF);
        }
        return types;
    }
}
