package io.jbgp.rib.out;

import static io.jbgp.rib.TestRoutes.addr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.MessageWriter;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.core.types.Ipv6Prefix;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.attr.CommunitySet;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * For any sequence of Adj-RIB-Out changes with drains at arbitrary points, applying the emitted
 * UPDATEs to an empty peer view gives exactly the Adj-RIB-Out, every message encodes (with the
 * real codec) within the negotiated maximum, and withdrawals of a drain precede its announcements.
 */
class UpdatePackerProperties {

    private static final List<CodecContext> CONTEXTS = List.of(
            CodecContext.DEFAULT,
            new CodecContext(false, false, Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST), Set.of(),
                    Set.of()),
            CodecContext.DEFAULT.withAddPath(Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)));

    /** Prefix {@code i}: IPv4 /24s and /32s, or IPv6 /48s and /128s, a few thousand in all. */
    static IpPrefix prefix(int i) {
        int n = i % 3000;
        switch (i % 4) {
            case 0:
                return Ipv4Prefix.of(0x0A000000 | n << 8, 24);
            case 1:
                return Ipv4Prefix.of(0x0B000000 | n, 32);
            case 2:
                return Ipv6Prefix.of(0x20010db800000000L | (long) n << 16, 0, 48);
            default:
                return Ipv6Prefix.of(0x20010db8ffff0000L, n, 128);
        }
    }

    /** Attribute set {@code j}: a handful of them, some with long AS paths and many communities. */
    static AttributeSet attrs(int j, IpPrefix p) {
        InetAddress nh = p.family().equals(AddressFamily.IPV4_UNICAST) ? addr("10.0.0." + (1 + j % 3))
                : addr("2001:db8:ffff::" + (1 + j % 3));
        long[] path = new long[1 + (j % 5) * 60];
        for (int i = 0; i < path.length; i++) {
            path[i] = 65000L + i + (j % 2) * 100_000L; // some 4-octet ASes
        }
        List<Community> std = new ArrayList<>();
        for (int i = 0; i < (j % 3) * 350; i++) {
            std.add(Community.of(65000, i));
        }
        List<LargeCommunity> large = j % 4 == 3 ? List.of(new LargeCommunity(4_200_000_000L, 1, 2)) : List.of();
        return AttributeSet.builder().asPath(AsPath.sequence(path)).nextHop(nh).med(j % 2 == 0 ? 5 : AttributeSet.ABSENT)
                .communities(CommunitySet.of(std, List.of(), large)).build();
    }

    @Test
    void emittedUpdatesRebuildTheAdjRibOutAndFitTheMaximumLength() {
        qt().withFixedSeed(4724).withExamples(30).withShrinkCycles(30)
                .forAll(lists().of(integers().allPositive()).ofSizeBetween(0, 3000), integers().between(0, 2))
                .checkAssert((ops, c) -> {
                    CodecContext ctx = CONTEXTS.get(c);
                    AdjRibOut out = new AdjRibOut();
                    Map<IpPrefix, AttributeSet> view = new TreeMap<>();
                    for (int s : ops) {
                        int kind = s % 256;
                        IpPrefix p = prefix((s >>> 8) % 4000);
                        if (kind == 0) {
                            // rare partial drains, so buckets grow beyond one message
                            drainInto(out, ctx, view, 1 + (s >>> 8) % 3);
                        } else if (kind < 48) {
                            out.set(p, null);
                        } else {
                            // half the announcements share one large attribute set, so its bucket fills many messages
                            out.set(p, attrs(((s >>> 20) & 1) == 0 ? 5 : (s >>> 21) % 7, p));
                        }
                    }
                    drainInto(out, ctx, view, Integer.MAX_VALUE);
                    Map<IpPrefix, AttributeSet> expected = new TreeMap<>(out.advertised(AddressFamily.IPV4_UNICAST));
                    expected.putAll(out.advertised(AddressFamily.IPV6_UNICAST));
                    assertEquals(expected, view);
                });
    }

    @Test
    void endOfRibComesAfterEverythingQueuedBeforeIt() {
        AdjRibOut out = new AdjRibOut();
        for (int i = 0; i < 2000; i += 4) {
            out.set(prefix(i), attrs(i % 7, prefix(i)));
        }
        out.queue(AddressFamily.IPV4_UNICAST).requestEndOfRib();
        List<UpdateMessage> msgs = UpdatePacker.drain(out.queue(AddressFamily.IPV4_UNICAST), CodecContext.DEFAULT,
                Integer.MAX_VALUE);
        assertTrue(msgs.size() > 1, "500 prefixes with long attributes need several UPDATEs");
        assertTrue(msgs.get(msgs.size() - 1).isEndOfRib());
        assertEquals(1, msgs.stream().filter(UpdateMessage::isEndOfRib).count());
        assertTrue(out.queue(AddressFamily.IPV4_UNICAST).isEmpty());
    }

    @Test
    void reannouncingTheSameAttributesQueuesNothing() {
        AdjRibOut out = new AdjRibOut();
        IpPrefix p = prefix(0);
        assertTrue(out.set(p, attrs(1, p)));
        UpdatePacker.drain(out.queue(p.family()), CodecContext.DEFAULT, Integer.MAX_VALUE);
        assertFalse(out.set(p, attrs(1, p)));
        assertTrue(out.queue(p.family()).isEmpty());
        // a change and a change back before sending leaves one pending announcement
        out.set(p, attrs(2, p));
        out.set(p, attrs(1, p));
        assertEquals(1, out.queue(p.family()).size());
        // announce then withdraw before sending leaves only the withdrawal
        IpPrefix q = prefix(4);
        out.set(q, attrs(1, q));
        out.set(q, null);
        List<UpdateMessage> msgs = UpdatePacker.drain(out.queue(q.family()), CodecContext.DEFAULT, Integer.MAX_VALUE);
        assertEquals(List.of(Nlri.of(q)), msgs.get(0).withdrawn());
        assertTrue(msgs.stream().noneMatch(m -> m.announced().contains(Nlri.of(q))));
    }

    private static void drainInto(AdjRibOut out, CodecContext ctx, Map<IpPrefix, AttributeSet> view, int max) {
        for (AddressFamily f : List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)) {
            List<UpdateMessage> msgs = UpdatePacker.drain(out.queue(f), ctx, max);
            assertTrue(msgs.size() <= max);
            boolean announced = false;
            for (UpdateMessage m : msgs) {
                int len = MessageWriter.toBytes(m, ctx).length;
                assertTrue(len <= ctx.maxMessageLength(), () -> "UPDATE of " + len + " octets");
                if (!m.withdrawn(f).isEmpty()) {
                    assertFalse(announced, "withdrawals come first");
                }
                for (Nlri n : m.withdrawn(f)) {
                    view.remove(n.prefix());
                }
                List<Nlri> ann = m.announced(f);
                announced |= !ann.isEmpty();
                InetAddress nh = m.mpReach().map(r -> r.nextHop()).orElse(null);
                for (Nlri n : ann) {
                    assertEquals(ctx.isAddPathSend(f), n.hasPathId());
                    view.put(n.prefix(), AttributeSet.of(m.attributes(), nh));
                }
            }
        }
    }
}
