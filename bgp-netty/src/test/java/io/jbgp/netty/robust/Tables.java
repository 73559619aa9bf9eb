package io.jbgp.netty.robust;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.Communities;
import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.MultiExitDisc;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.codec.MessageWriter;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv6Prefix;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Big synthetic tables for floods and transfers: IPv6 /64s under 2001:db8::/32 (the only
 * documentation range with room for hundreds of thousands of prefixes), next hop in
 * {@link RibSpeaker#V6_NEXT_HOP_NET}.
 */
final class Tables {
    static final InetAddress V6_NEXT_HOP = parse("2001:db8:ffff::1");

    private Tables() {}

    /** The i-th /64 (i below 2^32). */
    static Ipv6Prefix prefix(long i) {
        return Ipv6Prefix.of(0x2001_0db8_0000_0000L | (i & 0xFFFF_FFFFL), 0, 64);
    }

    /** UPDATE wire bytes announcing prefixes [from, from + count) from AS {@code as}, {@code perUpdate} each. */
    static byte[] announcements(long as, long from, int count, int perUpdate) {
        return announcements(as, from, count, perUpdate, false);
    }

    /**
     * Like {@link #announcements(long, long, int, int)}; with {@code distinct} every UPDATE gets its
     * own MED and eight communities, so nothing can be packed together on the way out (about 130
     * octets per UPDATE, as in a real table with many attribute sets).
     */
    static byte[] announcements(long as, long from, int count, int perUpdate, boolean distinct) {
        PathAttributes plain = PathAttributes.of(Origin.IGP, AsPath.sequence(as));
        ByteBuf buf = Unpooled.buffer(count * 10 + (count / perUpdate + 1) * 64);
        try {
            for (long i = from; i < from + count; i += perUpdate) {
                List<Nlri> nlri = new ArrayList<>(perUpdate);
                for (long j = i; j < Math.min(from + count, i + perUpdate); j++) {
                    nlri.add(Nlri.of(prefix(j)));
                }
                PathAttributes attrs = plain;
                if (distinct) {
                    List<Community> cs = new ArrayList<>();
                    for (int c = 0; c < 8; c++) {
                        cs.add(new Community((int) (0xFDE8_0000L | ((i + c) & 0xFFFF))));
                    }
                    attrs = PathAttributes.of(Origin.IGP, AsPath.sequence(as), MultiExitDisc.of(i),
                            new Communities(cs));
                }
                UpdateMessage u = new UpdateMessage(List.of(), attrs,
                        Optional.of(new MpReach(AddressFamily.IPV6_UNICAST, V6_NEXT_HOP, nlri)), Optional.empty(),
                        List.of());
                MessageWriter.write(u, RawPeer.DUAL_STACK, buf);
            }
            byte[] out = new byte[buf.readableBytes()];
            buf.readBytes(out);
            return out;
        } finally {
            buf.release();
        }
    }

    /** Whether {@code p} is one of ours. */
    static boolean isTablePrefix(IpPrefix p) {
        return p instanceof Ipv6Prefix v6 && (v6.hi() >>> 32) == 0x2001_0db8L && v6.length() == 64;
    }

    private static InetAddress parse(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
