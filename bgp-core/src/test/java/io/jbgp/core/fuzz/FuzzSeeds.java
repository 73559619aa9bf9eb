package io.jbgp.core.fuzz;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.MessageReader;
import io.jbgp.core.codec.MessageWriter;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import io.jbgp.core.codec.WireFormat;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.mrt.Bgp4mpMessage;
import io.jbgp.core.mrt.MrtReader;
import io.jbgp.core.mrt.MrtRecord;
import io.netty.buffer.Unpooled;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Writes the committed seed corpora of the fuzz targets (FUZZING.md) from the golden vectors and
 * the shared MRT files. Not a test: run it by hand when the seed selection changes, with the
 * repository root and the shared data folder as arguments:
 * <pre>
 * java -cp "$(cat cp.txt):bgp-core/target/classes:bgp-core/target/test-classes" \
 *     io.jbgp.core.fuzz.FuzzSeeds . ../shared/data
 * </pre>
 * Selection is deterministic: from each MRT file, the first three messages of every "shape" (type,
 * context, attribute type codes, MP family, size class), so the few hundred seeds cover what real
 * peers send without thousands of near-duplicates. File names are content hashes, like the
 * fuzzer's own, with a prefix saying where the seed came from.
 */
public final class FuzzSeeds {
    private static final int MAX_MESSAGES_PER_FILE = 120;
    private static final int PER_SHAPE = 3;
    private static final int STREAM_RECORDS = 6;

    private FuzzSeeds() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        Path data = Path.of(args[1]);
        Path core = root.resolve("bgp-core/src/test/resources/io/jbgp/core/fuzz");
        Path netty = root.resolve("bgp-netty/src/test/resources/io/jbgp/netty/fuzz");

        Map<String, byte[]> messages = new LinkedHashMap<>(); // name -> flags octet + message
        for (Path golden : list(root.resolve("bgp-core/src/test/resources/golden"), ".hex")) {
            byte[] wire = readHex(golden);
            String name = golden.getFileName().toString().replace(".hex", "");
            messages.put("golden-" + name, withFlags(flagsThatDecode(wire), wire));
        }
        Map<String, byte[]> streams = new LinkedHashMap<>();
        for (Path mrt : list(data.resolve("mrt"), "")) {
            String name = mrt.getFileName().toString().replaceAll("\\.(gz|bz2)$", "");
            List<byte[]> records = mrtRecords(mrt, 4000);
            collectMessages(name, records, messages);
            collectStreams(name, records, streams);
        }
        Path readMessage = core.resolve("CodecFuzzTestInputs/readMessage");
        Path updateBody = core.resolve("CodecFuzzTestInputs/decodeUpdateBody");
        int updates = 0;
        for (var e : messages.entrySet()) {
            write(readMessage, e.getKey(), e.getValue());
            byte[] m = e.getValue();
            if (m.length > WireFormat.HEADER_LENGTH && m[1 + 18] == 2) {
                byte[] body = new byte[m.length - WireFormat.HEADER_LENGTH];
                body[0] = m[0];
                System.arraycopy(m, 1 + WireFormat.HEADER_LENGTH, body, 1, body.length - 1);
                write(updateBody, e.getKey(), body);
                updates++;
            }
        }
        for (var e : streams.entrySet()) {
            write(core.resolve("MrtReaderFuzzTestInputs/readStream"), e.getKey(), e.getValue());
        }
        int sessions = writeSessionSeeds(netty.resolve("SessionFuzzTestInputs/receiveAfterOpen"), messages);
        System.out.printf("%d messages, %d UPDATE bodies, %d MRT streams, %d session streams%n",
                messages.size(), updates, streams.size(), sessions);
    }

    /** Picks the first three messages of every shape, at most {@link #MAX_MESSAGES_PER_FILE} per file. */
    private static void collectMessages(String file, List<byte[]> records, Map<String, byte[]> out) {
        Map<String, Integer> perShape = new java.util.HashMap<>();
        List<byte[]> picked = new ArrayList<>();
        for (byte[] raw : records) {
            MrtRecord r = decodeRecord(raw);
            if (!(r instanceof Bgp4mpMessage m) || picked.size() >= MAX_MESSAGES_PER_FILE) {
                continue;
            }
            byte[] wire = m.message().toArray();
            CodecContext ctx = m.codecContext();
            // the collector allows Extended Message for every peer; most peers never used it
            if (wire.length <= WireFormat.MAX_LENGTH) {
                ctx = ctx.withExtendedMessage(false);
            }
            int flags = FuzzContexts.flags(ctx);
            String shape = shape(wire, FuzzContexts.of(flags), flags);
            if (perShape.merge(shape, 1, Integer::sum) <= PER_SHAPE) {
                picked.add(withFlags(flags, wire));
            }
        }
        int i = 0;
        for (byte[] v : picked) {
            out.put("mrt-" + file + "-" + i++, v);
        }
    }

    /** The first records of a file as one stream, then one stream per record type and subtype seen. */
    private static void collectStreams(String file, List<byte[]> records, Map<String, byte[]> out) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int i = 0; i < Math.min(STREAM_RECORDS, records.size()); i++) {
            head.writeBytes(records.get(i));
        }
        out.put("mrt-head-" + file, head.toByteArray());
        Map<String, byte[]> byType = new LinkedHashMap<>();
        for (byte[] raw : records) {
            int type = ((raw[4] & 0xFF) << 8) | (raw[5] & 0xFF);
            int subtype = ((raw[6] & 0xFF) << 8) | (raw[7] & 0xFF);
            if (raw.length < 4096) {
                byType.putIfAbsent(type + "-" + subtype, raw);
            }
        }
        byType.forEach((k, v) -> out.put("mrt-record-" + file + "-" + k, v));
    }

    /** Streams for the session target: capability flags, chunk size, then messages (SessionFuzzTest). */
    private static int writeSessionSeeds(Path dir, Map<String, byte[]> messages) throws IOException {
        int n = 0;
        // group the UPDATEs, KEEPALIVEs and ROUTE-REFRESHes by the flags they decode with
        Map<Integer, List<byte[]>> byFlags = new LinkedHashMap<>();
        for (byte[] m : messages.values()) {
            int type = m.length > WireFormat.HEADER_LENGTH ? m[1 + 18] : -1;
            if (type == 2 || type == 4 || type == 5) {
                byFlags.computeIfAbsent(m[0] & 0xFF, k -> new ArrayList<>())
                        .add(Arrays.copyOfRange(m, 1, m.length));
            }
        }
        for (var e : byFlags.entrySet()) {
            List<byte[]> ms = e.getValue();
            for (int start = 0; start < ms.size() && start < 40; start += 4) {
                ByteArrayOutputStream s = new ByteArrayOutputStream();
                s.write(e.getKey()); // the peer advertises what this context needs
                s.write(start % 3 == 0 ? 0 : 7 + start); // whole stream, or cut into chunks
                for (int i = start; i < Math.min(start + 4, ms.size()); i++) {
                    s.writeBytes(ms.get(i));
                }
                write(dir, "stream-flags" + e.getKey() + "-" + start, s.toByteArray());
                n++;
            }
        }
        // from connect on: the peer's OPEN (AS 65002, as SessionFuzzTest configures), KEEPALIVE, a
        // few messages; also an OPEN alone, one from the wrong AS, and a NOTIFICATION instead
        Path connect = dir.resolveSibling("receiveFromConnect");
        for (var e : byFlags.entrySet()) {
            int flags = e.getKey();
            byte[] open = MessageWriter.toBytes(FuzzContexts.peerOpen(flags, Asn.of(65002),
                    RouterId.parse("10.0.0.2")), CodecContext.INITIAL);
            ByteArrayOutputStream s = new ByteArrayOutputStream();
            s.write(flags % 2 == 0 ? 0 : 13);
            s.writeBytes(open);
            s.writeBytes(MessageWriter.toBytes(KeepaliveMessage.INSTANCE, CodecContext.INITIAL));
            e.getValue().stream().limit(3).forEach(s::writeBytes);
            write(connect, "connect-flags" + flags, s.toByteArray());
            n++;
        }
        byte[] open = MessageWriter.toBytes(FuzzContexts.peerOpen(FuzzContexts.FOUR_OCTET_AS, Asn.of(65002),
                RouterId.parse("10.0.0.2")), CodecContext.INITIAL);
        write(connect, "connect-open-only", concat(new byte[] {0}, open));
        write(connect, "connect-wrong-as", concat(new byte[] {0}, MessageWriter.toBytes(
                FuzzContexts.peerOpen(FuzzContexts.FOUR_OCTET_AS, Asn.of(65003), RouterId.parse("10.0.0.2")),
                CodecContext.INITIAL)));
        write(connect, "connect-notification", concat(new byte[] {0}, MessageWriter.toBytes(
                BgpError.OPEN_UNSUPPORTED_CAPABILITY.toNotification(), CodecContext.INITIAL)));
        return n + 3;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String shape(byte[] wire, CodecContext ctx, int flags) {
        StringBuilder sb = new StringBuilder().append(flags).append('/').append(wire.length / 128);
        DecodeResult r = MessageReader.read(Unpooled.wrappedBuffer(wire), ctx);
        if (r instanceof DecodeResult.Ok ok) {
            BgpMessage m = ok.message();
            sb.append('/').append(m.type());
            if (m instanceof UpdateMessage u) {
                TreeSet<Integer> types = new TreeSet<>();
                u.attributes().forEach(a -> types.add(a.typeCode()));
                sb.append(types).append(u.mpReach().map(x -> "R" + x.family()).orElse(""))
                        .append(u.mpUnreach().map(x -> "U" + x.family()).orElse(""))
                        .append(u.withdrawn().isEmpty() ? "" : "W").append(u.announced().isEmpty() ? "" : "A");
            }
        } else {
            sb.append('/').append(r.getClass().getSimpleName());
        }
        return sb.toString();
    }

    private static int flagsThatDecode(byte[] wire) {
        int[] candidates = {FuzzContexts.FOUR_OCTET_AS, 0, FuzzContexts.FOUR_OCTET_AS | FuzzContexts.ADD_PATH_IPV4
                | FuzzContexts.ADD_PATH_IPV6, FuzzContexts.FOUR_OCTET_AS | FuzzContexts.EXTENDED_MESSAGE};
        for (int f : candidates) {
            if (MessageReader.read(Unpooled.wrappedBuffer(wire), FuzzContexts.of(f)) instanceof DecodeResult.Ok) {
                return f;
            }
        }
        return FuzzContexts.FOUR_OCTET_AS;
    }

    private static MrtRecord decodeRecord(byte[] raw) {
        try (MrtReader reader = new MrtReader(new ByteArrayInputStream(raw))) {
            return reader.hasNext() ? reader.next() : null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw records (common header included) of an MRT file, at most {@code max}. */
    private static List<byte[]> mrtRecords(Path file, int max) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (InputStream in = open(file)) {
            DataInputStream d = new DataInputStream(in);
            while (out.size() < max) {
                byte[] header = new byte[12];
                try {
                    d.readFully(header);
                    long length = ((header[8] & 0xFFL) << 24) | ((header[9] & 0xFF) << 16)
                            | ((header[10] & 0xFF) << 8) | (header[11] & 0xFF);
                    byte[] rec = new byte[12 + (int) length];
                    System.arraycopy(header, 0, rec, 0, 12);
                    d.readFully(rec, 12, (int) length);
                    out.add(rec);
                } catch (EOFException e) {
                    break;
                }
            }
        } catch (IOException e) {
            if (out.isEmpty()) {
                throw e; // a cut-off bzip2 tail after some records is expected (rib...firstMB)
            }
        }
        return out;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        String name = file.toString();
        if (name.endsWith(".gz")) {
            return new GZIPInputStream(raw);
        }
        return name.endsWith(".bz2") ? new BZip2CompressorInputStream(raw) : raw;
    }

    private static byte[] withFlags(int flags, byte[] wire) {
        byte[] out = new byte[wire.length + 1];
        out[0] = (byte) flags;
        System.arraycopy(wire, 0, out, 1, wire.length);
        return out;
    }

    private static byte[] readHex(Path file) throws IOException {
        StringBuilder hex = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            if (!line.startsWith("#")) {
                hex.append(line.strip());
            }
        }
        return HexFormat.of().parseHex(hex.toString());
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static void write(Path dir, String name, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), content);
    }
}
