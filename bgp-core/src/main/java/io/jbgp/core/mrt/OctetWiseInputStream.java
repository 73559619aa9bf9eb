package io.jbgp.core.mrt;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one octet at a time from a decoder that throws on a cut-off input. The bzip2 decoder
 * of commons-compress throws from {@code read(byte[], int, int)} at the cut and drops the
 * octets it had already decoded into the array during that call (up to a buffer's worth,
 * several whole RIB records of rib.20140523.0600_firstMB); asked octet by octet, it hands out
 * every decoded octet before it fails, as libbz2 (and so bgpdump) does. The decoder
 * decodes octet by octet internally either way, so this costs little. Wrap any decompressor
 * whose input may be cut off (the RIB slice in the shared data is) before handing it to
 * {@link MrtReader}.
 */
public final class OctetWiseInputStream extends FilterInputStream {
    private IOException failure;

    /**
     * Wraps a stream.
     *
     * @param in the stream to read from
     */
    public OctetWiseInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        int n = 0;
        while (n < len) {
            int c;
            try {
                c = in.read();
            } catch (IOException e) {
                if (n == 0) {
                    throw e;
                }
                failure = e; // hand out what was decoded; fail on the next call
                break;
            }
            if (c < 0) {
                break;
            }
            b[off + n++] = (byte) c;
        }
        return n == 0 && len > 0 ? -1 : n;
    }
}
