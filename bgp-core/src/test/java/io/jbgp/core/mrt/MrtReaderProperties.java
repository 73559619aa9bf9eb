package io.jbgp.core.mrt;

import static io.jbgp.core.mrt.MrtHex.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties of {@link MrtReader} on damaged input: it never throws and frames what it can. */
class MrtReaderProperties {
    private static final byte[][] RECORDS = {
        MrtReaderTest.BGP4MP_MESSAGE, MrtReaderTest.BGP4MP_ET_MESSAGE_AS4, MrtReaderTest.STATE_CHANGE,
        MrtReaderTest.STATE_CHANGE_AS4, MrtReaderTest.PEER_INDEX,
    };
    private static final byte[] STREAM = concat(RECORDS);

    @Test
    void cutAnywhereGivesTheWholeRecordsThenOneTruncated() {
        List<MrtRecord> whole = MrtReaderTest.readAll(STREAM);
        assertEquals(RECORDS.length, whole.size());
        qt().withFixedSeed(6396L).withExamples(STREAM.length + 1)
                .forAll(integers().between(0, STREAM.length))
                .checkAssert(cut -> {
                    List<MrtRecord> got = MrtReaderTest.readAll(java.util.Arrays.copyOf(STREAM, cut));
                    int start = 0;
                    int complete = 0;
                    while (complete < RECORDS.length && start + RECORDS[complete].length <= cut) {
                        start += RECORDS[complete++].length;
                    }
                    assertEquals(whole.subList(0, complete), got.subList(0, complete));
                    if (start == cut) {
                        assertEquals(complete, got.size(), "a cut between records leaves no trace");
                    } else {
                        assertEquals(complete + 1, got.size());
                        MrtRecord.Truncated t = assertInstanceOf(MrtRecord.Truncated.class, got.get(complete));
                        assertEquals(start, t.offset());
                        assertEquals(cut - start, t.received());
                        assertEquals(cut - start < 12 ? -1 : RECORDS[complete].length, t.expected());
                    }
                });
    }

    @Test
    void anyChangedOctetNeverThrows() {
        qt().withFixedSeed(8050L).withExamples(5000)
                .forAll(integers().between(0, STREAM.length - 1), integers().between(0, 255))
                .checkAssert((position, value) -> {
                    byte[] damaged = STREAM.clone();
                    damaged[position] = (byte) (int) value;
                    assertFramed(damaged);
                });
    }

    @Test
    void arbitraryOctetsNeverThrow() {
        qt().withFixedSeed(4271L).withExamples(2000)
                .forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 300))
                .checkAssert(octets -> {
                    byte[] input = new byte[octets.size()];
                    for (int i = 0; i < input.length; i++) {
                        input[i] = (byte) (int) octets.get(i);
                    }
                    // a plausible header first, so the body readers get to see the noise
                    for (int type : new int[] {13, 16, 17}) {
                        for (int subtype = 0; subtype < 12; subtype++) {
                            byte[] header = java.nio.ByteBuffer.allocate(12).putInt(0).putShort((short) type)
                                    .putShort((short) subtype).putInt(input.length).array();
                            assertFramed(concat(header, input));
                        }
                    }
                    assertFramed(input);
                });
    }

    /** Reads everything without an exception; a Truncated record can only come last. */
    private static void assertFramed(byte[] input) {
        List<MrtRecord> records = new ArrayList<>(MrtReaderTest.readAll(input));
        assertTrue(records.size() <= input.length / 12 + 1, "more records than headers fit");
        for (int i = 0; i < records.size() - 1; i++) {
            assertTrue(!(records.get(i) instanceof MrtRecord.Truncated), "Truncated is always last");
        }
    }
}
