package io.jbgp.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.mrt.Bgp4mpCodec;
import io.jbgp.core.mrt.Bgp4mpMessage;
import io.jbgp.core.mrt.MrtReader;
import io.jbgp.core.mrt.MrtRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.NoSuchElementException;

/**
 * Coverage-guided fuzz target for {@link MrtReader} over arbitrary streams (FUZZING.md). Seeds
 * ({@code MrtReaderFuzzTestInputs/readStream/}) are the first records of each shared MRT file and
 * one record of every type and subtype seen in them.
 *
 * <p>Checks: iteration never throws on what the stream holds; every record but the last consumes
 * at least a common header, so the number of records is bounded by the input; offsets grow; a
 * {@link MrtRecord.Truncated} is always last; a {@link MrtRecord.Malformed} keeps the body it
 * framed; and every recorded BGP message decodes like one from a live session, through the same
 * checks and round trip as {@link CodecFuzzTest#readMessage}.
 */
class MrtReaderFuzzTest {
    /**
     * Smaller than {@link MrtReader#DEFAULT_MAX_RECORD_LENGTH} only to keep the fuzzer fast: the
     * reader allocates a record's declared length before reading it, and a 12-octet input can
     * declare 16 MiB. The check itself is the same code path.
     */
    private static final int MAX_RECORD_LENGTH = 1 << 20;

    @FuzzTest(maxDuration = "2m")
    void readStream(byte[] input) throws IOException {
        try (MrtReader reader = new MrtReader(new ByteArrayInputStream(input), MAX_RECORD_LENGTH)) {
            long lastOffset = -1;
            int records = 0;
            boolean ended = false;
            while (reader.hasNext()) {
                assertFalse(ended, "a record after the end of the stream was signalled");
                MrtRecord r = reader.next();
                records++;
                assertTrue(records <= input.length / 12 + 1, "more records than the input can hold");
                long offset = offset(r);
                if (offset >= 0) {
                    assertTrue(offset > lastOffset, "record offsets must grow: " + offset + " after " + lastOffset);
                    assertTrue(offset < input.length, "record offset " + offset + " past the input");
                    lastOffset = offset;
                }
                if (r instanceof MrtRecord.Truncated t) {
                    ended = true;
                    assertTrue(t.received() < (t.expected() < 0 ? 12 : t.expected()),
                            "a truncated record received all it expected: " + t);
                    assertEquals(input.length - t.offset(), t.received(), "truncated record miscounts its octets");
                } else if (r instanceof MrtRecord.Malformed m) {
                    long declared = declaredLength(input, (int) m.offset());
                    if (declared <= MAX_RECORD_LENGTH) {
                        assertEquals(declared, m.body().length(), "a malformed record keeps the body it framed");
                    }
                } else if (r instanceof Bgp4mpMessage message) {
                    DecodeResult result = Bgp4mpCodec.decodeMessage(message);
                    CodecFuzzTest.checkResult(result, message.codecContext());
                    if (result instanceof DecodeResult.Ok ok) {
                        CodecFuzzTest.roundTrip(ok.message(), message.codecContext());
                    }
                }
            }
            assertTrue(reader.offset() <= input.length, "consumed more than the input");
            assertThrows(NoSuchElementException.class, reader::next);
        }
    }

    private static long offset(MrtRecord r) {
        if (r instanceof MrtRecord.Skipped s) {
            return s.offset();
        } else if (r instanceof MrtRecord.Malformed m) {
            return m.offset();
        } else if (r instanceof MrtRecord.Truncated t) {
            return t.offset();
        }
        return -1; // decoded records do not carry their offset
    }

    /** The length field of the common header at {@code offset}. */
    private static long declaredLength(byte[] input, int offset) {
        long v = 0;
        for (int i = 8; i < 12; i++) {
            v = (v << 8) | (input[offset + i] & 0xFF);
        }
        return v;
    }
}
