package io.jbgp.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.booleans;
import static org.quicktheories.generators.Generate.byteArrays;
import static org.quicktheories.generators.Generate.range;

import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.error.ErrorCode;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.MpUnreach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.testing.UpdateGenerators;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** QuickTheories properties of {@link UpdateCodec}: round trip, robustness, splitting. */
class UpdateCodecProperties {

    /** A context and a message for it. */
    record Case(CodecContext ctx, UpdateMessage update) {}

    /** A context and some octets. */
    record Octets(CodecContext ctx, byte[] bytes) {
        @Override
        public String toString() {
            return ctx + " " + ByteBufUtil.hexDump(bytes);
        }
    }

    private static Gen<Case> cases() {
        return UpdateGenerators.contexts().flatMap(ctx -> UpdateGenerators.updates(ctx).map(u -> new Case(ctx, u)));
    }

    static byte[] encode(UpdateMessage u, CodecContext ctx) {
        ByteBuf out = Unpooled.buffer();
        try {
            UpdateCodec.encode(u, ctx, out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    static DecodeResult decode(byte[] body, CodecContext ctx) {
        return UpdateCodec.decode(Unpooled.wrappedBuffer(body), ctx);
    }

    @Test
    void decodeOfEncodeIsIdentity() {
        qt().withFixedSeed(20261128L).withExamples(3000).forAll(cases()).checkAssert(c -> {
            byte[] body = encode(c.update(), c.ctx());
            assertTrue(body.length + WireFormat.HEADER_LENGTH <= c.ctx().maxMessageLength());
            assertEquals(new DecodeResult.Ok(c.update()), decode(body, c.ctx()), ByteBufUtil.hexDump(body));
        });
    }

    @Test
    void encodingIsCanonicalForEveryLayoutChoiceTheDecoderAccepts() {
        // the same message in type-code order and with AS_PATH always extended decodes the same
        qt().withFixedSeed(7L).withExamples(500).forAll(cases()).checkAssert(c -> {
            ByteBuf out = Unpooled.buffer();
            try {
                UpdateCodec.encode(c.update(), c.ctx(), out, AttributeLayout.TYPE_CODE_ORDER.withExtendedLength(2, 8));
                assertEquals(new DecodeResult.Ok(c.update()), UpdateCodec.decode(out, c.ctx()));
            } finally {
                out.release();
            }
        });
    }

    private static Gen<Octets> arbitraryOctets() {
        return UpdateGenerators.contexts().flatMap(ctx -> byteArrays(range(0, 4096).mix(range(0, 40), 50),
                org.quicktheories.generators.Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
                .map(b -> new Octets(ctx, b)));
    }

    /** Octets that start as a valid UPDATE, then get 1..8 octets changed, or cut, or grown. */
    private static Gen<Octets> mutatedUpdates() {
        return cases().flatMap(c -> in -> {
            byte[] b = encode(c.update(), c.ctx());
            int kind = range(0, 3).generate(in);
            if (kind == 0 && b.length > 0) {
                b = java.util.Arrays.copyOf(b, range(0, b.length - 1).generate(in));
            } else if (kind == 1) {
                b = java.util.Arrays.copyOf(b, b.length + range(1, 8).generate(in));
            }
            for (int i = range(1, 8).generate(in); i > 0 && b.length > 0; i--) {
                int at = range(0, b.length - 1).generate(in);
                b[at] = booleans().generate(in) ? (byte) (int) range(0, 255).generate(in) : (byte) (b[at] ^ 0x10);
            }
            return new Octets(c.ctx(), b);
        });
    }

    /** How often each result kind came up, so the robustness properties show they reach every path. */
    private final java.util.Map<Class<?>, Integer> kinds = new java.util.HashMap<>();

    private void neverThrows(Octets o) {
        DecodeResult r = decode(o.bytes(), o.ctx());
        assertNotNull(r);
        kinds.merge(r.getClass(), 1, Integer::sum);
        if (r instanceof DecodeResult.Failed f) {
            assertEquals(ErrorCode.UPDATE_MESSAGE, f.error().code(), f.toString());
        } else if (r instanceof DecodeResult.TreatAsWithdraw t) {
            assertEquals(PathAttributes.EMPTY, t.withdrawals().attributes());
            assertTrue(t.withdrawals().announced().isEmpty() && t.withdrawals().mpReach().isEmpty());
        } else {
            assertTrue(r instanceof DecodeResult.Ok, r.toString());
        }
        // and decoding the attribute block alone is just as safe
        assertNotNull(UpdateCodec.decodeAttributes(Unpooled.wrappedBuffer(o.bytes()), o.ctx()));
    }

    @Test
    void arbitraryOctetsNeverThrow() {
        qt().withFixedSeed(42L).withExamples(3000).forAll(arbitraryOctets()).checkAssert(this::neverThrows);
        assertTrue(kinds.getOrDefault(DecodeResult.Failed.class, 0) > 100, kinds.toString());
    }

    @Test
    void mutatedUpdatesNeverThrow() {
        qt().withFixedSeed(4242L).withExamples(5000).forAll(mutatedUpdates()).checkAssert(this::neverThrows);
        // the mutations reach all three outcomes
        assertTrue(kinds.getOrDefault(DecodeResult.Ok.class, 0) > 100, kinds.toString());
        assertTrue(kinds.getOrDefault(DecodeResult.TreatAsWithdraw.class, 0) > 100, kinds.toString());
        assertTrue(kinds.getOrDefault(DecodeResult.Failed.class, 0) > 100, kinds.toString());
    }

    @Test
    void treatAsWithdrawWithdrawsEveryPrefixTheUpdateCarried() {
        // a broken ORIGIN (value 7) makes any UPDATE treat-as-withdraw; nothing else changes
        qt().withFixedSeed(99L).withExamples(1000).forAll(cases()).checkAssert(c -> {
                    if (c.update().attributes().origin().isEmpty()) {
                        return; // withdrawals only: nothing to break
                    }
                    byte[] b = encode(c.update(), c.ctx());
                    int origin = indexOfOrigin(b);
                    b[origin] = 7;
                    DecodeResult.TreatAsWithdraw t = (DecodeResult.TreatAsWithdraw) decode(b, c.ctx());
                    assertEquals(prefixes(c.update()), prefixes(t.withdrawals()));
                });
    }

    private static int attributesLength(UpdateMessage u, CodecContext ctx) {
        return encode(new UpdateMessage(List.of(), u.attributes(), java.util.Optional.empty(), java.util.Optional.empty(),
                List.of()), ctx).length;
    }

    /** The offset of the ORIGIN value in an encoded body. */
    private static int indexOfOrigin(byte[] b) {
        int p = 2 + ((b[0] & 0xFF) << 8 | (b[1] & 0xFF));
        int end = p + 2 + ((b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF));
        p += 2;
        while (p < end) {
            boolean ext = (b[p] & 0x10) != 0;
            int len = ext ? (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF) : b[p + 2] & 0xFF;
            if (b[p + 1] == 1) {
                return p + (ext ? 4 : 3);
            }
            p += (ext ? 4 : 3) + len;
        }
        throw new AssertionError("no ORIGIN");
    }

    /** Every prefix of the message, announced or withdrawn, as a sorted list. */
    private static List<Nlri> prefixes(UpdateMessage u) {
        List<Nlri> all = new ArrayList<>(u.withdrawn());
        all.addAll(u.announced());
        u.mpReach().ifPresent(r -> all.addAll(r.nlri()));
        u.mpUnreach().ifPresent(r -> all.addAll(r.withdrawn()));
        all.sort((a, b) -> a.toString().compareTo(b.toString()));
        return all;
    }

    private final java.util.Map<Boolean, Integer> splits = new java.util.HashMap<>();

    @Test
    void splitPiecesFitAndReassembleToTheSamePrefixes() {
        Gen<Case> large = UpdateGenerators.contexts()
                .flatMap(ctx -> UpdateGenerators.largeUpdates(ctx).map(u -> new Case(ctx, u)));
        qt().withFixedSeed(5L).withExamples(120).forAll(large).checkAssert(c -> {
            List<UpdateMessage> pieces = UpdateCodec.split(c.update(), c.ctx());
            splits.merge(pieces.size() > 1, 1, Integer::sum);
            if (pieces.size() == 1) {
                // it fitted: handed back as it was
                assertTrue(pieces.get(0) == c.update());
                assertTrue(encode(c.update(), c.ctx()).length + WireFormat.HEADER_LENGTH <= c.ctx().maxMessageLength());
                return;
            }
            List<Nlri> withdrawn = new ArrayList<>();
            List<Nlri> announced = new ArrayList<>();
            List<Nlri> reach = new ArrayList<>();
            List<Nlri> unreach = new ArrayList<>();
            for (UpdateMessage p : pieces) {
                byte[] body = encode(p, c.ctx()); // throws when a piece is too long
                assertTrue(body.length + WireFormat.HEADER_LENGTH <= c.ctx().maxMessageLength());
                assertEquals(new DecodeResult.Ok(p), decode(body, c.ctx()));
                boolean announces = !p.announced().isEmpty() || p.mpReach().isPresent();
                assertEquals(announces ? c.update().attributes() : PathAttributes.EMPTY, p.attributes());
                withdrawn.addAll(p.withdrawn());
                announced.addAll(p.announced());
                p.mpReach().map(MpReach::nlri).ifPresent(reach::addAll);
                p.mpUnreach().map(MpUnreach::withdrawn).ifPresent(unreach::addAll);
            }
            UpdateMessage u = c.update();
            assertEquals(u.withdrawn(), withdrawn);
            assertEquals(u.announced(), announced);
            assertEquals(u.mpReach().map(MpReach::nlri).orElse(List.of()), reach);
            assertEquals(u.mpUnreach().map(MpUnreach::withdrawn).orElse(List.of()), unreach);
            // greedy packing: no piece but the last could have taken the next piece's first prefix
            for (int i = 0; i + 1 < pieces.size(); i++) {
                assertTrue(encode(pieces.get(i), c.ctx()).length + WireFormat.HEADER_LENGTH
                        > c.ctx().maxMessageLength() - 4 - 17 - 4 - 9 - 32 - attributesLength(u, c.ctx()),
                        "piece " + i + " of " + pieces.size() + " is short");
            }
        });
        assertTrue(splits.getOrDefault(true, 0) > 30 && splits.getOrDefault(false, 0) > 0, splits.toString());
    }
}
