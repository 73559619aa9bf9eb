package io.jbgp.core.mrt;

import io.jbgp.core.types.Bytes;
import java.time.Instant;

/**
 * One record of an MRT file (RFC 6396 §2), as {@link MrtReader} delivers it. Every variant is an
 * immutable value; none holds a {@code ByteBuf}. Records we understand come typed; records we do
 * not decode ({@link Skipped}), records whose body does not parse ({@link Malformed}) and the cut
 * end of a file ({@link Truncated}) are values too, so iterating a file never throws on its
 * contents.
 */
public sealed interface MrtRecord
        permits Bgp4mpMessage, Bgp4mpStateChange, PeerIndexTable, RibEntries, MrtRecord.Skipped,
                MrtRecord.Malformed, MrtRecord.Truncated {

    /**
     * A well-framed record of a type or subtype this reader does not decode (TABLE_DUMP v1,
     * RIB_GENERIC, OSPF, ...).
     *
     * @param offset    the file offset of the record's common header
     * @param timestamp the header timestamp (with microseconds for the _ET types)
     * @param type      the MRT type code
     * @param subtype   the MRT subtype code
     * @param reason    why it was skipped
     */
    record Skipped(long offset, Instant timestamp, int type, int subtype, String reason) implements MrtRecord {
    }

    /**
     * A well-framed record whose body does not parse. Reading goes on with the next record,
     * since the common header's length still frames the stream.
     *
     * @param offset    the file offset of the record's common header
     * @param timestamp the header timestamp (with microseconds for the _ET types)
     * @param type      the MRT type code
     * @param subtype   the MRT subtype code
     * @param reason    what is wrong, for a human
     * @param body      the record body as read (after the common header)
     */
    record Malformed(long offset, Instant timestamp, int type, int subtype, String reason,
                     Bytes body) implements MrtRecord {
    }

    /**
     * The end of the input came inside a record (a cut-off download, the "first MiB" of a dump),
     * or the input failed while reading one. Always the last record of an iteration.
     *
     * @param offset   the file offset of the incomplete record's common header
     * @param expected octets the record should have had (header included), or -1 when even the
     *                 12-octet header was incomplete and its length field unknown
     * @param received octets of it actually available
     * @param reason   what ended the input, for a human
     */
    record Truncated(long offset, long expected, long received, String reason) implements MrtRecord {
    }
}
