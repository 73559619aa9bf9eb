package io.jbgp.benchmarks;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.MessageReader;
import io.jbgp.core.message.MessageType;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.mrt.Bgp4mpMessage;
import io.jbgp.core.mrt.MrtReader;
import io.jbgp.core.mrt.MrtRecord;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeInterner;
import io.jbgp.rib.attr.AttributeSet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The UPDATE messages of an MRT BGP4MP file, as recorded (whole messages, 19-octet header
 * included), read once into memory so the benchmarks measure the codec and not the disk or gzip.
 * The main input is {@value #FILE}: one peer sending a complete IPv4 full table (89,679 UPDATEs,
 * 577,737 prefixes). Immutable once loaded; loaded tables are cached per (file, limit), since JMH
 * runs several trials in one JVM.
 */
public final class FullTable {
    /** The full-table capture of the shared data folder. */
    public static final String FILE = "updates.et-header.2015.gz";

    private static final Map<String, FullTable> CACHE = new HashMap<>();

    private final List<byte[]> messages;
    private final CodecContext context;
    private final long nlriCount;
    private final long octetCount;

    private FullTable(List<byte[]> messages, CodecContext context, long nlriCount, long octetCount) {
        this.messages = List.copyOf(messages);
        this.context = context;
        this.nlriCount = nlriCount;
        this.octetCount = octetCount;
    }

    /** The full table of the shared data folder, at most {@code limit} UPDATEs (0: all). */
    public static synchronized FullTable load(int limit) {
        String key = FILE + "/" + limit;
        FullTable t = CACHE.get(key);
        if (t == null) {
            t = load(SharedData.mrt(FILE), limit);
            CACHE.put(key, t);
        }
        return t;
    }

    /**
     * Reads the UPDATEs of a BGP4MP file, at most {@code limit} of them (0: all). Every message
     * must decode, and all must share one codec context (one peer, one subtype).
     */
    public static FullTable load(Path file, int limit) {
        List<byte[]> out = new ArrayList<>();
        CodecContext ctx = null;
        long nlri = 0;
        long octets = 0;
        try (MrtReader reader = new MrtReader(SharedData.open(file))) {
            while (reader.hasNext() && (limit == 0 || out.size() < limit)) {
                MrtRecord r = reader.next();
                if (!(r instanceof Bgp4mpMessage m)) {
                    continue;
                }
                byte[] bytes = m.message().toArray();
                if (bytes.length < 19 || bytes[18] != MessageType.UPDATE.code()) {
                    continue;
                }
                if (ctx == null) {
                    ctx = m.codecContext();
                } else if (!ctx.equals(m.codecContext())) {
                    throw new IllegalStateException("load: " + file + " mixes codec contexts: " + ctx
                            + " and " + m.codecContext());
                }
                nlri += nlriCount(decode(bytes, ctx));
                octets += bytes.length;
                out.add(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (ctx == null) {
            throw new IllegalStateException("load: no UPDATE in " + file);
        }
        return new FullTable(out, ctx, nlri, octets);
    }

    /** Decodes one recorded message; the recorded table is known good, so anything else is a bug. */
    public static UpdateMessage decode(byte[] message, CodecContext ctx) {
        ByteBuf frame = Unpooled.wrappedBuffer(message);
        try {
            DecodeResult r = MessageReader.read(frame, ctx);
            if (r instanceof DecodeResult.Ok ok && ok.message() instanceof UpdateMessage u) {
                return u;
            }
            throw new IllegalStateException("decode: recorded UPDATE does not decode: " + r);
        } finally {
            frame.release();
        }
    }

    /** Announced plus withdrawn NLRI of all families. */
    public static int nlriCount(UpdateMessage u) {
        int n = u.announced().size() + u.withdrawn().size();
        if (u.mpReach().isPresent()) {
            n += u.mpReach().get().nlri().size();
        }
        if (u.mpUnreach().isPresent()) {
            n += u.mpUnreach().get().withdrawn().size();
        }
        return n;
    }

    /** The recorded messages, header included; callers must not modify the arrays. */
    public List<byte[]> messages() {
        return messages;
    }

    /** The context the messages were recorded in (4-octet AS, extended message allowed). */
    public CodecContext context() {
        return context;
    }

    /** Announced plus withdrawn NLRI over all messages. */
    public long nlriCount() {
        return nlriCount;
    }

    /** Octets over all messages, headers included. */
    public long octetCount() {
        return octetCount;
    }

    /** Every message decoded afresh. */
    public List<UpdateMessage> decodeAll() {
        List<UpdateMessage> out = new ArrayList<>(messages.size());
        for (byte[] m : messages) {
            out.add(decode(m, context));
        }
        return out;
    }

    /**
     * The table the messages leave behind (IPv4 and IPv6 unicast, announcements minus
     * withdrawals, a later announcement replacing an earlier one), with the attributes
     * interned in {@code interner}.
     */
    public Routes routes(AttributeInterner interner) {
        Map<IpPrefix, AttributeSet> table = new LinkedHashMap<>();
        for (UpdateMessage u : decodeAll()) {
            for (Nlri n : u.withdrawn()) {
                table.remove(n.prefix());
            }
            u.mpUnreach().ifPresent(r -> r.withdrawn().forEach(n -> table.remove(n.prefix())));
            if (!u.announced().isEmpty()) {
                AttributeSet a = interner.intern(AttributeSet.of(u.attributes(), null));
                u.announced().forEach(n -> table.put(n.prefix(), a));
            }
            if (u.mpReach().isPresent()) {
                AttributeSet a = interner.intern(AttributeSet.of(u.attributes(), u.mpReach().get().nextHop()));
                u.mpReach().get().nlri().forEach(n -> table.put(n.prefix(), a));
            }
        }
        // number the distinct sets so that per-neighbor variants can be tabled by index
        Map<AttributeSet, Integer> index = new HashMap<>();
        List<AttributeSet> sets = new ArrayList<>();
        IpPrefix[] prefixes = new IpPrefix[table.size()];
        int[] setOf = new int[table.size()];
        int i = 0;
        for (Map.Entry<IpPrefix, AttributeSet> e : table.entrySet()) {
            prefixes[i] = e.getKey();
            setOf[i++] = index.computeIfAbsent(e.getValue(), s -> {
                sets.add(s);
                return sets.size() - 1;
            });
        }
        return new Routes(prefixes, setOf, sets.toArray(new AttributeSet[0]));
    }

    /**
     * A routing table as parallel arrays.
     *
     * @param prefixes the prefixes, in order of first announcement
     * @param setOf    for each prefix, the index of its attributes in {@code sets}
     * @param sets     the distinct (interned) attribute sets
     */
    public record Routes(IpPrefix[] prefixes, int[] setOf, AttributeSet[] sets) {
        /** The number of prefixes. */
        public int size() {
            return prefixes.length;
        }
    }
}
