package io.jbgp.core.mrt;

import io.jbgp.core.types.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the records of an MRT file (RFC 6396) from an {@link InputStream}, one record in
 * memory at a time. The caller opens and decompresses the file ({@code GZIPInputStream}, a bzip2
 * stream); the reader only frames and decodes.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Type              |            Subtype            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             Length                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Message... (variable)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * The _ET types (RFC 6396 §3) put a 4-octet microsecond timestamp first in the message, and
 * count it in the length.
 *
 * <p>Iteration never throws on what the file holds: an undecodable body is a
 * {@link MrtRecord.Malformed} and reading goes on; an unknown type is a {@link MrtRecord.Skipped};
 * input that ends (or fails) inside a record is a final {@link MrtRecord.Truncated}. Only
 * programming errors escape. Not thread-safe: one consumer iterates.
 *
 * <pre>{@code
 * try (MrtReader reader = new MrtReader(new GZIPInputStream(Files.newInputStream(path)))) {
 *     reader.forEachRemaining(record -> ...);
 * }
 * }</pre>
 */
public final class MrtReader implements Iterator<MrtRecord>, Closeable {
    /**
     * Default bound on one record's length. The largest real records are RIB records of
     * prefixes seen by hundreds of peers, well under a MiB; a length past this is taken as
     * corruption rather than allocated.
     */
    public static final int DEFAULT_MAX_RECORD_LENGTH = 16 << 20;

    private final InputStream in;
    private final int maxRecordLength;
    private final byte[] header = new byte[MrtWire.HEADER_LENGTH];
    private long offset;
    private MrtRecord pending;
    private boolean finished;
    private IOException failure;
    private PeerIndexTable peerIndexTable;

    /** A reader with {@link #DEFAULT_MAX_RECORD_LENGTH}. */
    public MrtReader(InputStream in) {
        this(in, DEFAULT_MAX_RECORD_LENGTH);
    }

    /**
     * A reader of {@code in} (decompressed already), which it buffers and closes on
     * {@link #close()}.
     *
     * @param maxRecordLength records declaring a longer body end the iteration as malformed
     */
    public MrtReader(InputStream in, int maxRecordLength) {
        Objects.requireNonNull(in, "in");
        if (maxRecordLength < 0) {
            throw new IllegalArgumentException("maxRecordLength must not be negative: " + maxRecordLength);
        }
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        this.maxRecordLength = maxRecordLength;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !finished) {
            pending = readRecord();
            if (pending == null || pending instanceof MrtRecord.Truncated) {
                finished = true;
            }
        }
        return pending != null;
    }

    @Override
    public MrtRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("next: no more MRT records at offset " + offset);
        }
        MrtRecord r = pending;
        pending = null;
        return r;
    }

    /** The remaining records as a sequential stream; closing the stream closes this reader. */
    public Stream<MrtRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::closeUnchecked);
    }

    /** Octets of the decompressed input consumed so far. */
    public long offset() {
        return offset;
    }

    /**
     * The last PEER_INDEX_TABLE read, to resolve {@link RibEntry#peerIndex()}: RFC 6396 §4.3
     * puts it before the RIB records it indexes.
     */
    public Optional<PeerIndexTable> peerIndexTable() {
        return Optional.ofNullable(peerIndexTable);
    }

    /** Closes the underlying stream. */
    @Override
    public void close() throws IOException {
        finished = true;
        pending = null;
        in.close();
    }

    private void closeUnchecked() {
        try {
            close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next record, or {@code null} at a clean end of input (between records). */
    private MrtRecord readRecord() {
        long start = offset;
        int got = readFully(header, header.length);
        if (got == 0 && failure == null) {
            return null;
        }
        if (got < header.length) {
            return new MrtRecord.Truncated(start, -1, got, endReason("inside the common header"));
        }
        ByteBuf h = Unpooled.wrappedBuffer(header);
        long seconds = h.readUnsignedInt();
        int type = h.readUnsignedShort();
        int subtype = h.readUnsignedShort();
        long length = h.readUnsignedInt();
        Instant timestamp = Instant.ofEpochSecond(seconds);
        if (length > maxRecordLength) {
            // the length frames everything after it: past this point nothing can be trusted
            finished = true;
            return new MrtRecord.Malformed(start, timestamp, type, subtype, "record length " + length
                    + " exceeds the limit of " + maxRecordLength + "; reading stops", Bytes.EMPTY);
        }
        byte[] body = new byte[(int) length];
        got = readFully(body, body.length);
        if (got < body.length) {
            return new MrtRecord.Truncated(start, MrtWire.HEADER_LENGTH + length, MrtWire.HEADER_LENGTH + got,
                    endReason("inside the body of a record of type " + type + " subtype " + subtype));
        }
        return decodeBody(start, seconds, type, subtype, body);
    }

    private MrtRecord decodeBody(long start, long seconds, int type, int subtype, byte[] body) {
        ByteBuf buf = Unpooled.wrappedBuffer(body);
        Instant timestamp = Instant.ofEpochSecond(seconds);
        try {
            if (type == MrtWire.BGP4MP || type == MrtWire.BGP4MP_ET) {
                if (type == MrtWire.BGP4MP_ET) {
                    // RFC 6396 §3: microseconds, counted in the length
                    timestamp = Instant.ofEpochSecond(seconds, MrtWire.u32(buf, "microsecond timestamp") * 1000L);
                }
                MrtRecord r = Bgp4mpCodec.decode(timestamp, subtype, buf);
                return r != null ? r : new MrtRecord.Skipped(start, timestamp, type, subtype,
                        "BGP4MP subtype " + subtype + " is not decoded (2 and 3 are deprecated, RFC 6396 §4.4)");
            }
            if (type == MrtWire.TABLE_DUMP_V2) {
                String reason = TableDumpV2Codec.unsupportedReason(subtype);
                if (reason != null) {
                    return new MrtRecord.Skipped(start, timestamp, type, subtype, reason);
                }
                MrtRecord r = TableDumpV2Codec.decode(timestamp, subtype, buf);
                if (r instanceof PeerIndexTable t) {
                    peerIndexTable = t;
                }
                return r;
            }
            return new MrtRecord.Skipped(start, timestamp, type, subtype, type == MrtWire.TABLE_DUMP
                    ? "TABLE_DUMP (RFC 6396 §4.2) is superseded by TABLE_DUMP_V2 and not decoded"
                    : "MRT type " + type + " is not decoded");
        } catch (MalformedRecordException | IndexOutOfBoundsException | IllegalArgumentException e) {
            // the record's own bounds were checked: a bad field is the record's problem, not ours
            return new MrtRecord.Malformed(start, timestamp, type, subtype, String.valueOf(e.getMessage()),
                    Bytes.wrap(body));
        } finally {
            buf.release();
        }
    }

    private String endReason(String where) {
        return failure == null ? "input ended " + where
                : "input failed " + where + ": " + failure;
    }

    /**
     * Reads up to {@code n} octets, fewer only at the end of input or on an I/O error, which is
     * kept for {@link MrtRecord.Truncated} instead of thrown: a cut-off compressed file (the
     * bzip2 decoder cannot finish its last block) ends the same way as a cut-off plain one.
     */
    private int readFully(byte[] b, int n) {
        int got = 0;
        try {
            while (got < n) {
                int r = in.read(b, got, n - got);
                if (r < 0) {
                    break;
                }
                got += r;
            }
        } catch (IOException e) {
            failure = e;
        }
        offset += got;
        return got;
    }
}
