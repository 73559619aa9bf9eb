package io.jbgp.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jbgp.core.attr.AttributeFlags;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.attr.UnknownAttribute;
import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.Bytes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The fuzz targets' own checks can fail: a fuzzer whose oracle never fires finds nothing. These
 * feed the checks of {@link CodecFuzzTest} the outcomes they exist to catch.
 */
class FuzzChecksTest {
    private static final CodecContext CTX = FuzzContexts.of(FuzzContexts.FOUR_OCTET_AS);

    @Test
    void anExceptionOtherThanAReadPastTheEndInTheNetIsAFinding() {
        DecodeResult npe = new DecodeResult.Failed(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, Bytes.EMPTY,
                "undecodable UPDATE: java.lang.NullPointerException: Cannot read field \"x\"");
        assertThrows(AssertionFailedError.class, () -> CodecFuzzTest.checkResult(npe, CTX));
        DecodeResult iae = new DecodeResult.Failed(BgpError.OPEN_UNSPECIFIC, Bytes.EMPTY,
                "malformed OPEN: java.lang.IllegalArgumentException");
        assertThrows(AssertionFailedError.class, () -> CodecFuzzTest.checkResult(iae, CTX));
    }

    @Test
    void aReadPastTheEndInTheNetIsTheDesignedPath() {
        DecodeResult bounds = new DecodeResult.Failed(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, Bytes.EMPTY,
                "malformed UPDATE: java.lang.IndexOutOfBoundsException: readerIndex(7) + length(4) exceeds");
        CodecFuzzTest.checkResult(bounds, CTX);
    }

    @Test
    void aNotificationThatCannotBeSentIsAFinding() {
        DecodeResult huge = new DecodeResult.Failed(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST,
                Bytes.wrap(new byte[4096]), "attribute as data");
        assertThrows(AssertionFailedError.class, () -> CodecFuzzTest.checkResult(huge, CTX));
        // with Extended Message (RFC 8654) the same NOTIFICATION fits
        CodecFuzzTest.checkResult(huge, CTX.withExtendedMessage(true));
    }

    @Test
    void asForwardedSetsPartialOnUnknownOptionalTransitiveAttributesOnly() {
        UnknownAttribute transitive = new UnknownAttribute(AttributeFlags.OPTIONAL_TRANSITIVE, 136, Bytes.fromHex("01"));
        UnknownAttribute nonTransitive = new UnknownAttribute(AttributeFlags.OPTIONAL_NON_TRANSITIVE, 137, Bytes.fromHex("02"));
        UpdateMessage update = new UpdateMessage(List.of(), PathAttributes.of(Origin.IGP, transitive, nonTransitive),
                Optional.empty(), Optional.empty(), List.of());
        UpdateMessage expected = new UpdateMessage(List.of(), PathAttributes.of(Origin.IGP,
                new UnknownAttribute(AttributeFlags.OPTIONAL_TRANSITIVE | AttributeFlags.PARTIAL, 136, Bytes.fromHex("01")),
                nonTransitive), Optional.empty(), Optional.empty(), List.of());
        assertEquals(expected, CodecFuzzTest.asForwarded(update));
    }

    @Test
    void everyFlagsOctetNamesAContextThatFlagsGivesBack() {
        for (int f = 0; f < 256; f++) {
            CodecContext ctx = FuzzContexts.of(f);
            assertEquals(ctx, FuzzContexts.of(FuzzContexts.flags(ctx)), "flags " + f);
        }
    }
}
