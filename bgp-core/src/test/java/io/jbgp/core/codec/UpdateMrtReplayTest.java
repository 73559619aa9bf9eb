package io.jbgp.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real data (needs {@code jbgp.shared.data}): every UPDATE of the RIPE RIS captures decodes Ok
 * and re-encodes to the very same octets. The only wire choices the model does not keep are the
 * attribute layout ones ({@link AttributeLayout}); they are read off the input and passed back.
 */
class UpdateMrtReplayTest {

    private static Path data(String name) {
        String dir = System.getProperty("jbgp.shared.data");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)),
                "skipped: system property jbgp.shared.data does not name the shared data folder");
        Path file = Path.of(dir, "mrt", name);
        Assumptions.assumeTrue(Files.isReadable(file), "skipped: " + file + " is missing");
        return file;
    }

    private static CodecContext context(boolean fourOctetAs) {
        // an archive: the recorded AS 0 paths read as sent (RFC 7607 applies to sessions only)
        return new CodecContext(fourOctetAs, false, Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST),
                Set.of(), Set.of(), true);
    }

    /** The layout the sender used, for a byte-exact re-encoding. */
    static AttributeLayout layoutOf(byte[] body) {
        List<Integer> order = UpdateMrtScanner.attributeOrder(body);
        boolean ascending = true;
        for (int i = 1; i < order.size(); i++) {
            ascending &= order.get(i - 1) < order.get(i);
        }
        AttributeLayout base;
        if (ascending) {
            base = AttributeLayout.TYPE_CODE_ORDER;
        } else if (isMp(order.get(0))) {
            base = AttributeLayout.DEFAULT;
        } else if (isMp(order.get(order.size() - 1))) {
            base = AttributeLayout.MP_LAST;
        } else {
            throw new AssertionError("no layout puts the attributes in the order " + order);
        }
        return base.withExtendedLength(UpdateMrtScanner.extendedShortTypes(body));
    }

    private static boolean isMp(int type) {
        return type == 14 || type == 15;
    }

    /** What a replay saw. */
    record Replay(int updates, long prefixes, int rebuiltAs4Path) {}

    /**
     * Decodes and re-encodes every UPDATE. The re-encoding must equal the input octets, with one
     * principled exception: an AS4_PATH shorter than AS_PATH (an OLD speaker prepended after the
     * last NEW one, and passed AS4_PATH on with Partial set) is rebuilt whole from the merged
     * path, RFC 6793 §4.2.2; then the re-encoding must decode to the same message.
     */
    private static Replay replay(List<UpdateMrtScanner.Message> messages) {
        int updates = 0;
        long prefixes = 0;
        int rebuilt = 0;
        for (UpdateMrtScanner.Message m : messages) {
            if (m.type() != 2) {
                continue;
            }
            updates++;
            byte[] body = java.util.Arrays.copyOfRange(m.message(), 19, m.message().length);
            CodecContext ctx = context(m.fourOctetAs());
            DecodeResult r = UpdateCodec.decode(Unpooled.wrappedBuffer(body), ctx);
            if (!(r instanceof DecodeResult.Ok ok) || !ok.discarded().isEmpty()) {
                fail("UPDATE #" + updates + " " + ByteBufUtil.hexDump(body) + " gave " + r);
                return null;
            }
            UpdateMessage u = (UpdateMessage) ok.message();
            prefixes += u.announced().size() + u.mpReach().map(x -> x.nlri().size()).orElse(0);
            ByteBuf out = Unpooled.buffer(body.length);
            try {
                UpdateCodec.encode(u, ctx, out, layoutOf(body));
                byte[] again = ByteBufUtil.getBytes(out);
                if (java.util.Arrays.equals(body, again)) {
                    continue;
                }
                boolean hadAs4Path = !m.fourOctetAs() && UpdateMrtScanner.attributeOrder(body).contains(17);
                if (!hadAs4Path) {
                    assertEquals(ByteBufUtil.hexDump(body), ByteBufUtil.hexDump(again), "UPDATE #" + updates + " " + u);
                }
                rebuilt++;
                assertEquals(r, UpdateCodec.decode(out, ctx), "UPDATE #" + updates + " " + ByteBufUtil.hexDump(body));
            } finally {
                out.release();
            }
        }
        return new Replay(updates, prefixes, rebuilt);
    }

    @Test
    void everyUpdateOfTheFullTableCaptureRoundTripsByteForByte() throws IOException {
        List<UpdateMrtScanner.Message> messages = UpdateMrtScanner.read(data("updates.et-header.2015.gz"));
        // the data README: 89,679 UPDATEs with 577,737 announcements; no AS4_PATH (4-octet session)
        assertEquals(new Replay(89_679, 577_737, 0), replay(messages));
        // and the one convention that needs the layout: AS_PATH always with Extended Length
        byte[] first = messages.stream().filter(m -> m.type() == 2).findFirst().orElseThrow().message();
        byte[] body = java.util.Arrays.copyOfRange(first, 19, first.length);
        assertEquals(AttributeLayout.TYPE_CODE_ORDER.withExtendedLength(2), layoutOf(body));
    }

    @Test
    void everyUpdateOfTheMultiPeerChurnCaptureRoundTripsByteForByte() throws IOException {
        // 2-octet AS peers with AS4_PATH, MP_REACH/MP_UNREACH for IPv6 in type-code order
        List<UpdateMrtScanner.Message> messages = UpdateMrtScanner.read(data("updates.20100722.2015.gz"));
        Replay r = replay(messages);
        System.out.println("updates.20100722.2015.gz: " + r);
        assertEquals(messages.stream().filter(m -> m.type() == 2).count(), r.updates());
        assertTrue(r.updates() > 1000 && r.rebuiltAs4Path() < 20, r.toString());
    }

    /**
     * The capture's one UPDATE announces 0d 0b0d (11.13.0.0/13 with host bits set) and then a
     * stray octet 0b: a prefix of length 11 with no octets. bgpdump ignores the stray octet;
     * RFC 7606 §5.3 calls the NLRI field syntactically incorrect, a session reset.
     */
    @Test
    void captureWithHostBitsAndAStrayOctetIsInvalidNetworkFieldAndHostBitsAreCleared() throws IOException {
        List<UpdateMrtScanner.Message> messages = UpdateMrtScanner.read(data("updates.nlri_mask_trailing_bits.gz"));
        UpdateMrtScanner.Message m = messages.stream().filter(x -> x.type() == 2).findFirst().orElseThrow();
        byte[] body = java.util.Arrays.copyOfRange(m.message(), 19, m.message().length);
        CodecContext ctx = context(m.fourOctetAs());
        DecodeResult.Failed failed = assertInstanceOf(DecodeResult.Failed.class,
                UpdateCodec.decode(Unpooled.wrappedBuffer(body), ctx));
        assertEquals(io.jbgp.core.error.BgpError.UPDATE_INVALID_NETWORK_FIELD, failed.error());
        // without the stray octet: host bits cleared, 11.13.0.0/13 becomes 11.8.0.0/13
        byte[] trimmed = java.util.Arrays.copyOf(body, body.length - 1);
        DecodeResult.Ok ok = assertInstanceOf(DecodeResult.Ok.class, UpdateCodec.decode(Unpooled.wrappedBuffer(trimmed), ctx));
        assertEquals(List.of(io.jbgp.core.message.Nlri.of(io.jbgp.core.types.IpPrefix.parse("11.8.0.0/13"))),
                ((UpdateMessage) ok.message()).announced());
    }

    /** Informal throughput: decode the full table a few times and print prefixes per second. */
    @Test
    void decodeThroughputIsReported() throws IOException {
        List<UpdateMrtScanner.Message> messages = UpdateMrtScanner.read(data("updates.et-header.2015.gz"));
        ByteBuf[] bodies = messages.stream().filter(m -> m.type() == 2)
                .map(m -> Unpooled.wrappedBuffer(m.message(), 19, m.message().length - 19)).toArray(ByteBuf[]::new);
        CodecContext ctx = context(true);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        long best = Long.MAX_VALUE;
        long prefixes = 0;
        for (int round = 0; round < 8; round++) {
            // CPU time of this thread when the JVM offers it: the machine is shared, wall time is noisy
            long t0 = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
            long n = 0;
            for (ByteBuf b : bodies) {
                DecodeResult r = UpdateCodec.decode(b.duplicate(), ctx);
                n += ((UpdateMessage) ((DecodeResult.Ok) r).message()).announced().size();
            }
            best = Math.min(best, (cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime()) - t0);
            prefixes = n;
        }
        System.out.printf("UpdateCodec.decode: %d UPDATEs, %d prefixes, best of 8: %.1f ms %s, %.2f M prefixes/s%n",
                bodies.length, prefixes, best / 1e6, cpu ? "CPU" : "wall", prefixes / (best / 1e9) / 1e6);
        assertEquals(577_737, prefixes);
    }
}
