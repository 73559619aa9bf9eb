package io.jbgp.benchmarks.ingest;

import io.jbgp.benchmarks.SharedData;
import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.PathAttribute;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.MessageReader;
import io.jbgp.core.codec.MessageWriter;
import io.jbgp.core.codec.UpdateCodec;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.MpUnreach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.mrt.Bgp4mpMessage;
import io.jbgp.core.mrt.MrtReader;
import io.jbgp.core.mrt.MrtRecord;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The table a feeder replays, prepared before anything is timed: every recorded UPDATE rewritten
 * as an eBGP neighbor with its own AS would send it, re-encoded for the session (4-octet AS, no
 * extended message), and laid end to end in one array, so the timed part is only socket writes.
 *
 * <p>The rewrite, per UPDATE (RFC 4271 §5.1.2, §5.1.3, §5.1.5):
 * <ul>
 *   <li>the feeder's AS is prepended to AS_PATH: an eBGP receiver checks that the first AS is
 *       its neighbor's (FRR enforces it; RFC 4271 §6.3 allows it);</li>
 *   <li>NEXT_HOP is the feeder's address (or another given one: FRR treats 127/8 as martian);</li>
 *   <li>LOCAL_PREF, ORIGINATOR_ID and CLUSTER_LIST go (never sent over eBGP), and AS4_PATH and
 *       AS4_AGGREGATOR (the session is 4-octet, RFC 6793 §3);</li>
 *   <li>only IPv4 unicast is kept, the one family the feeder negotiates; the MP parts of other
 *       families are dropped and counted.</li>
 * </ul>
 * A message that no longer fits 4,096 octets is split ({@link UpdateCodec#split}).
 *
 * <p>{@link #expected()} is the table the target must end with: announcements minus withdrawals
 * in message order, a later announcement of a prefix replacing an earlier one, and an
 * announcement whose AS_PATH holds AS 0 withdrawing the prefix (RFC 7607: the recorded table has
 * four such prefixes, 103.225.92.0/22 in /24s, so 577,699 of its 577,703 are expected).
 */
public final class ReplayFeed {
    /** The session context the feed is encoded for: 4-octet AS (RFC 6793), 4,096-octet messages. */
    public static final CodecContext SESSION = CodecContext.DEFAULT.withFourOctetAs(true).withExtendedMessage(false);

    /** RFC 6793 §3: a 4-octet session carries the whole path in AS_PATH; these must not be sent. */
    private static final int AS4_PATH = 17;
    private static final int AS4_AGGREGATOR = 18;

    private final byte[] wire;
    private final int[] ends;
    private final Set<Ipv4Prefix> expected;
    private final int as0Prefixes;
    private final long announcements;
    private final long withdrawals;
    private final long droppedOtherFamilies;
    private final int recorded;

    private ReplayFeed(byte[] wire, int[] ends, Set<Ipv4Prefix> expected, int as0Prefixes, long announcements,
                       long withdrawals, long droppedOtherFamilies, int recorded) {
        this.wire = wire;
        this.ends = ends;
        this.expected = expected;
        this.as0Prefixes = as0Prefixes;
        this.announcements = announcements;
        this.withdrawals = withdrawals;
        this.droppedOtherFamilies = droppedOtherFamilies;
        this.recorded = recorded;
    }

    /**
     * Reads the UPDATEs of a BGP4MP file (at most {@code limit}, 0: all) and prepares them.
     *
     * @param mrt       the MRT file (.gz, .bz2 or plain)
     * @param limit     how many recorded UPDATEs to take, 0 for all
     * @param feederAs  the feeder's AS, prepended to every AS_PATH
     * @param nextHop   the NEXT_HOP every announcement carries
     * @return the prepared feed
     */
    public static ReplayFeed prepare(Path mrt, int limit, long feederAs, Inet4Address nextHop) {
        return prepare(read(mrt, limit), feederAs, nextHop);
    }

    /** Prepares already decoded UPDATEs (tests build their own sequences). */
    public static ReplayFeed prepare(List<UpdateMessage> recorded, long feederAs, Inet4Address nextHop) {
        NextHop hop = NextHop.of(nextHop);
        ByteBuf out = Unpooled.buffer(recorded.size() * 128);
        List<Integer> ends = new ArrayList<>(recorded.size() + 16);
        List<UpdateMessage> rewritten = new ArrayList<>(recorded.size());
        long dropped = 0;
        try {
            for (UpdateMessage u : recorded) {
                Rewrite r = rewrite(u, feederAs, hop);
                dropped += r.dropped();
                if (r.update().isEmpty()) {
                    continue;
                }
                rewritten.add(r.update().get());
                for (UpdateMessage piece : UpdateCodec.split(r.update().get(), SESSION)) {
                    MessageWriter.write(piece, SESSION, out);
                    ends.add(out.writerIndex());
                }
            }
            byte[] wire = new byte[out.readableBytes()];
            out.getBytes(out.readerIndex(), wire);
            long ann = 0;
            long wd = 0;
            for (UpdateMessage u : rewritten) {
                ann += u.announced(AddressFamily.IPV4_UNICAST).size();
                wd += u.withdrawn(AddressFamily.IPV4_UNICAST).size();
            }
            Set<Ipv4Prefix> expected = expectedTable(rewritten);
            int withAs0 = table(rewritten, false).size();
            return new ReplayFeed(wire, ends.stream().mapToInt(Integer::intValue).toArray(),
                    expected, withAs0 - expected.size(), ann, wd, dropped, recorded.size());
        } finally {
            out.release();
        }
    }

    /**
     * The IPv4 unicast table a receiver holds after {@code updates}, in order: RFC 4271 §3.1, a
     * withdrawal removes the prefix, an announcement adds or replaces it. Within one UPDATE the
     * withdrawals come first (RFC 4271 §9 "withdrawn routes ... then NLRI"; RFC 7606 §5.3 for a
     * prefix in both: the announcement wins), MP_UNREACH_NLRI counting as withdrawals; an
     * announcement with AS 0 in its AS_PATH is a withdrawal (RFC 7607 §2).
     *
     * @param updates UPDATEs in the order sent
     * @return the prefixes left announced
     */
    public static Set<Ipv4Prefix> expectedTable(List<UpdateMessage> updates) {
        return table(updates, true);
    }

    // rfc7607 false: the table of a receiver that accepts AS 0 (what a non-conforming target holds)
    static Set<Ipv4Prefix> table(List<UpdateMessage> updates, boolean rfc7607) {
        Set<Ipv4Prefix> table = new HashSet<>();
        for (UpdateMessage u : updates) {
            for (Nlri n : u.withdrawn(AddressFamily.IPV4_UNICAST)) {
                if (n.prefix() instanceof Ipv4Prefix p) {
                    table.remove(p);
                }
            }
            // RFC 7607 §2: AS 0 in AS_PATH makes the UPDATE malformed, "treat-as-withdraw"
            boolean withdraw = rfc7607 && u.attributes().asPath().map(path -> path.containsAs(0)).orElse(false);
            for (Nlri n : u.announced(AddressFamily.IPV4_UNICAST)) {
                if (n.prefix() instanceof Ipv4Prefix p) {
                    if (withdraw) {
                        table.remove(p);
                    } else {
                        table.add(p);
                    }
                }
            }
        }
        return table;
    }

    private record Rewrite(Optional<UpdateMessage> update, long dropped) {}

    // one recorded UPDATE as the feeder sends it; empty when nothing of IPv4 unicast is left
    private static Rewrite rewrite(UpdateMessage u, long feederAs, NextHop hop) {
        long dropped = 0;
        Optional<MpReach> reach = u.mpReach();
        List<Nlri> announced = new ArrayList<>(u.announced());
        if (reach.isPresent()) {
            if (reach.get().family().equals(AddressFamily.IPV4_UNICAST)) {
                // IPv4 NLRI in MP_REACH_NLRI: the classic field carries them just as well
                announced.addAll(reach.get().nlri());
            } else {
                dropped += reach.get().nlri().size();
            }
        }
        List<Nlri> withdrawn = new ArrayList<>(u.withdrawn());
        Optional<MpUnreach> unreach = u.mpUnreach();
        if (unreach.isPresent()) {
            if (unreach.get().family().equals(AddressFamily.IPV4_UNICAST)) {
                withdrawn.addAll(unreach.get().withdrawn());
            } else {
                dropped += unreach.get().withdrawn().size();
            }
        }
        if (announced.isEmpty() && withdrawn.isEmpty()) {
            // an End-of-RIB or another family only: nothing for an IPv4 unicast session
            return new Rewrite(Optional.empty(), dropped);
        }
        PathAttributes attrs = PathAttributes.EMPTY;
        if (!announced.isEmpty()) {
            AsPath path = u.attributes().asPath().orElse(AsPath.EMPTY).prepend(feederAs, 1);
            attrs = u.attributes().without(PathAttribute.LOCAL_PREF).without(PathAttribute.ORIGINATOR_ID)
                    .without(PathAttribute.CLUSTER_LIST).without(AS4_PATH).without(AS4_AGGREGATOR)
                    .with(path).with(hop);
        }
        return new Rewrite(Optional.of(new UpdateMessage(withdrawn, attrs, Optional.empty(), Optional.empty(),
                announced)), dropped);
    }

    /** The recorded UPDATEs of a BGP4MP file, decoded in the context they were recorded in. */
    static List<UpdateMessage> read(Path file, int limit) {
        List<UpdateMessage> out = new ArrayList<>();
        try (MrtReader reader = new MrtReader(SharedData.open(file))) {
            while (reader.hasNext() && (limit == 0 || out.size() < limit)) {
                MrtRecord r = reader.next();
                if (!(r instanceof Bgp4mpMessage m)) {
                    continue;
                }
                ByteBuf frame = Unpooled.wrappedBuffer(m.message().unsafeArray());
                try {
                    if (MessageReader.read(frame, m.codecContext()) instanceof DecodeResult.Ok ok
                            && ok.message() instanceof UpdateMessage u) {
                        out.add(u);
                    }
                } finally {
                    frame.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("read: no UPDATE in " + file);
        }
        return out;
    }

    /** {@return the encoded messages end to end; callers must not modify it} */
    byte[] wire() {
        return wire;
    }

    /** {@return the offset just past each message in {@link #wire()}} */
    int[] ends() {
        return ends;
    }

    /** {@return the prefixes the target must hold at the end (immutable view)} */
    public Set<Ipv4Prefix> expected() {
        return java.util.Collections.unmodifiableSet(expected);
    }

    /**
     * {@return how many more prefixes a target holds if it accepts AS 0 in AS_PATH (ignoring RFC
     * 7607): 4 for the recorded full table}
     */
    public int as0Prefixes() {
        return as0Prefixes;
    }

    /** {@return the number of messages sent (after splitting)} */
    public int messages() {
        return ends.length;
    }

    /** {@return the octets sent, headers included} */
    public long octets() {
        return wire.length;
    }

    /** {@return how many UPDATEs were read from the file} */
    public int recorded() {
        return recorded;
    }

    /** {@return IPv4 unicast announcements sent (a prefix announced twice counts twice)} */
    public long announcements() {
        return announcements;
    }

    /** {@return IPv4 unicast withdrawals sent} */
    public long withdrawals() {
        return withdrawals;
    }

    /** {@return NLRI of other families left out} */
    public long droppedOtherFamilies() {
        return droppedOtherFamilies;
    }

    /** Whether {@code prefix} is in the expected table (for sentinel checks). */
    boolean expects(IpPrefix prefix) {
        return prefix instanceof Ipv4Prefix p && expected.contains(p);
    }

    @Override
    public String toString() {
        return String.format("%,d UPDATEs read, %,d messages / %,d octets sent, %,d announcements, %,d withdrawals,"
                + " %,d prefixes expected (%d more if AS 0 is accepted)%s", recorded, ends.length, wire.length,
                announcements, withdrawals, expected.size(), as0Prefixes, droppedOtherFamilies == 0 ? "" : ", " + droppedOtherFamilies
                        + " NLRI of other families dropped");
    }
}
