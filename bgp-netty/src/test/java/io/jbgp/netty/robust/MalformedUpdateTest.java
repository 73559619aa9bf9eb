package io.jbgp.netty.robust;

import static io.jbgp.netty.robust.Wire.asPath;
import static io.jbgp.netty.robust.Wire.attr;
import static io.jbgp.netty.robust.Wire.attrWithLength;
import static io.jbgp.netty.robust.Wire.concat;
import static io.jbgp.netty.robust.Wire.nextHop;
import static io.jbgp.netty.robust.Wire.nlri;
import static io.jbgp.netty.robust.Wire.none;
import static io.jbgp.netty.robust.Wire.originIgp;
import static io.jbgp.netty.robust.Wire.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.Origin;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.fib.InMemoryFibSink;
import io.jbgp.core.config.TimerConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 7606 end to end: a raw-socket neighbor sends one hand-made malformed UPDATE per case to a
 * speaker running the RIB, after a good UPDATE announced the prefixes concerned. Where RFC 7606
 * asks for treat-as-withdraw the session stays up and exactly the UPDATE's prefixes leave the
 * Loc-RIB, the forwarding table and the other neighbor's Adj-RIB-Out; attribute discard keeps the
 * route without the attribute; session reset sends the exact NOTIFICATION (read on the socket)
 * and withdraws everything the neighbor sent. A second, well-behaved neighbor stays Established
 * with its route throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedUpdateTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Asn GOOD_AS = Asn.of(65100);
    private static final InetAddress GOOD = ip("127.0.0.40");
    private static final IpPrefix GOOD_PREFIX = IpPrefix.parse("203.0.113.0/24");

    private RibSpeaker speaker;
    private InMemoryFibSink fib;
    private RawPeer good;

    /** What RFC 7606 asks for. */
    enum Outcome { TREAT_AS_WITHDRAW, ATTRIBUTE_DISCARD, SESSION_RESET }

    /**
     * One malformed UPDATE. {@code bytes} gets the peer's AS and the prefix the bad UPDATE is about
     * ("A"); for a reset, the expected NOTIFICATION code, subcode and data (hex).
     */
    record Case(String name, Outcome outcome, int code, int subcode, String dataHex,
                Function<Ctx, byte[]> bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The per-case inputs to the byte builders. */
    record Ctx(long as, Ipv4Prefix a, int[] nextHop) {}

    static Stream<Case> cases() {
        return Stream.of(
                // RFC 7606 §4: an attribute overrunning the Total Attribute Length → treat-as-withdraw
                new Case("attribute length overrun", Outcome.TREAT_AS_WITHDRAW, 0, 0, "",
                        c -> update(none(), concat(originIgp(), asPath(c.as()), nh(c),
                                attrWithLength(0xC0, 8, 8, 0xFD, 0xE8, 0x00, 0x01)), nlri(c.a()))),
                // RFC 7606 §3 (g): repeated attribute: all but the first discarded; the route keeps ORIGIN INCOMPLETE
                new Case("duplicate attribute", Outcome.ATTRIBUTE_DISCARD, 0, 0, "",
                        c -> update(none(), concat(attr(0x40, 1, 2), attr(0x40, 1, 0), asPath(c.as()), nh(c)),
                                nlri(c.a()))),
                // RFC 7606 §3 (c) + §7.1: ORIGIN marked optional is malformed ORIGIN → treat-as-withdraw
                new Case("wrong flags on ORIGIN", Outcome.TREAT_AS_WITHDRAW, 0, 0, "",
                        c -> update(none(), concat(attr(0x80, 1, 0), asPath(c.as()), nh(c)), nlri(c.a()))),
                // RFC 7606 §3 (d): AS_PATH missing while NLRI present → treat-as-withdraw
                new Case("missing AS_PATH with NLRI", Outcome.TREAT_AS_WITHDRAW, 0, 0, "",
                        c -> update(none(), concat(originIgp(), nh(c)), nlri(c.a()))),
                // RFC 7606 §7.2: segment count overruns the attribute → treat-as-withdraw
                new Case("malformed AS_PATH", Outcome.TREAT_AS_WITHDRAW, 0, 0, "",
                        c -> update(none(), concat(originIgp(), attr(0x40, 2, 2, 3, 0, 0, 0xFD, 0xF2), nh(c)),
                                nlri(c.a()))),
                // RFC 4271 §6.3 semantically incorrect NEXT_HOP, RFC 7606 §7.3: the route is not used
                new Case("NEXT_HOP 0.0.0.0", Outcome.TREAT_AS_WITHDRAW, 0, 0, "",
                        c -> update(none(), concat(originIgp(), asPath(c.as()), nextHop(0, 0, 0, 0)), nlri(c.a()))),
                // RFC 7606 §7.8: COMMUNITIES length not a multiple of 4 → treat-as-withdraw
                new Case("truncated COMMUNITIES", Outcome.TREAT_AS_WITHDRAW, 0, 0, "",
                        c -> update(none(), concat(originIgp(), asPath(c.as()), nh(c),
                                attr(0xC0, 8, 0xFD, 0xE8, 0x00, 0x01, 0xFD, 0xE8)), nlri(c.a()))),
                // RFC 7606 §5.3: an NLRI prefix length over 32 → session reset, Invalid Network Field
                new Case("NLRI length 33", Outcome.SESSION_RESET, 3, 10, "",
                        c -> update(none(), concat(originIgp(), asPath(c.as()), nh(c)),
                                concat(nlri(c.a()), new byte[] {33, (byte) 198, 51, 100, 1, 0}))),
                // RFC 4760 §7: MP_REACH for a family not negotiated (IPv6 here) → Optional Attribute Error
                new Case("MP_REACH for IPv6 not negotiated", Outcome.SESSION_RESET, 3, 9,
                        "800e1a0002011020010db8000000000000000000000001002020010db8", // RFC 4271 §6.3: the attribute
                        c -> update(none(), concat(originIgp(), asPath(c.as()),
                                attr(0x80, 14, 0, 2, 1, 16, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                        1, 0, 32, 0x20, 0x01, 0x0d, 0xb8)), none())),
                // RFC 4271 §6.1: marker not all ones → Connection Not Synchronized, no data
                new Case("bad marker", Outcome.SESSION_RESET, 1, 1, "",
                        c -> {
                            byte[] m = update(none(), concat(originIgp(), asPath(c.as()), nh(c)), nlri(c.a()));
                            m[3] = 0;
                            return m;
                        }),
                // RFC 4271 §6.1: length below 19 → Bad Message Length with the length field as data
                new Case("bad length", Outcome.SESSION_RESET, 1, 2, "000a",
                        c -> {
                            byte[] m = update(none(), concat(originIgp(), asPath(c.as()), nh(c)), nlri(c.a()));
                            m[16] = 0;
                            m[17] = 10;
                            return m;
                        }));
    }

    private static byte[] nh(Ctx c) {
        return nextHop(c.nextHop()[0], c.nextHop()[1], c.nextHop()[2], c.nextHop()[3]);
    }

    @BeforeAll
    void startSpeakerAndGoodNeighbor() {
        fib = new InMemoryFibSink();
        speaker = new RibSpeaker(ip("127.0.0.1"), fib, TimerConfig.DEFAULT);
        speaker.addPassivePeer(GOOD, GOOD_AS);
        List<Case> all = cases().toList();
        for (int i = 0; i < all.size(); i++) {
            speaker.addPassivePeer(badAddress(i), Asn.of(65200 + i));
        }
        good = RawPeer.establish(GOOD, speaker.address(), GOOD_AS, 90);
        good.keepAlive(Duration.ofSeconds(1));
        good.sendRaw(update(none(), concat(originIgp(), asPath(GOOD_AS.value()), nextHop(127, 0, 0, 40)),
                nlri((Ipv4Prefix) GOOD_PREFIX)));
        speaker.awaitRib("the good neighbor's route", s -> RibSpeaker.bestFrom(s, GOOD_PREFIX, GOOD), WAIT);
    }

    @AfterAll
    void stop() {
        try {
            if (good != null) {
                good.close();
            }
        } finally {
            if (speaker != null) {
                speaker.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedUpdateGetsTheRfc7606Treatment(Case c) {
        int index = cases().map(Case::name).toList().indexOf(c.name());
        InetAddress addr = badAddress(index);
        long as = 65200 + index;
        Ipv4Prefix a = (Ipv4Prefix) IpPrefix.parse("198.51.100." + (2 * index + 1) + "/32");
        Ipv4Prefix b = (Ipv4Prefix) IpPrefix.parse("198.51.100." + (2 * index + 2) + "/32");
        int[] nh = {127, 0, 0, 60 + index};
        try (RawPeer bad = RawPeer.establish(addr, speaker.address(), Asn.of(as), 90)) {
            // a good UPDATE for A, another for B; both become best and reach the good neighbor
            bad.sendRaw(update(none(), concat(originIgp(), asPath(as), nextHop(nh[0], nh[1], nh[2], nh[3])), nlri(a)));
            bad.sendRaw(update(none(), concat(originIgp(), asPath(as), nextHop(nh[0], nh[1], nh[2], nh[3])), nlri(b)));
            speaker.awaitRib("A and B best and advertised to the good neighbor", s ->
                    RibSpeaker.bestFrom(s, a, addr) && RibSpeaker.bestFrom(s, b, addr)
                            && s.forwarding().containsKey(a)
                            && s.peers().get(GOOD) != null && s.peers().get(GOOD).adjRibOut().containsKey(a), WAIT);

            bad.sendRaw(c.bytes().apply(new Ctx(as, a, nh)));

            if (c.outcome() == Outcome.SESSION_RESET) {
                NotificationMessage n = bad.awaitNotification(WAIT);
                assertNotNull(n, c.name() + ": no NOTIFICATION before close");
                assertEquals(c.code(), n.code(), c.name() + ": code of " + n);
                assertEquals(c.subcode(), n.subcode(), c.name() + ": subcode of " + n);
                assertEquals(c.dataHex(), HexFormat.of().formatHex(n.data().toArray()), c.name() + ": data");
                assertTrue(bad.awaitClosed(WAIT), c.name() + ": connection not closed after the NOTIFICATION");
                // everything the neighbor sent is gone: Loc-RIB, forwarding table, Adj-RIB-Out
                speaker.awaitRib("A and B withdrawn after the reset", s ->
                        RibSpeaker.absentEverywhere(s, a) && RibSpeaker.absentEverywhere(s, b), WAIT);
            } else if (c.outcome() == Outcome.TREAT_AS_WITHDRAW) {
                RibSnapshot s = speaker.awaitRib("A withdrawn", x -> RibSpeaker.absentEverywhere(x, a), WAIT);
                assertTrue(RibSpeaker.bestFrom(s, b, addr), c.name() + ": B must stay");
                assertSessionStillServes(bad, addr, as, a, nh);
            } else {
                // attribute discard: the UPDATE counts, with the first ORIGIN
                speaker.awaitRib("A replaced with ORIGIN INCOMPLETE", x -> RibSpeaker.best(x, a)
                        .filter(r -> r.attrs().origin() == Origin.INCOMPLETE).isPresent(), WAIT);
                assertSessionStillServes(bad, addr, as, a, nh);
            }
        }
        // the well-behaved neighbor never noticed
        assertEquals(SessionState.ESTABLISHED, speaker.state(GOOD));
        assertEquals(0, speaker.sessionsLost(GOOD), "the good neighbor's session went down");
        assertTrue(RibSpeaker.bestFrom(speaker.snapshot(), GOOD_PREFIX, GOOD), "the good neighbor's route is gone");
    }

    /** No NOTIFICATION came back, and a new good UPDATE for A is accepted on the same session. */
    private void assertSessionStillServes(RawPeer bad, InetAddress addr, long as, Ipv4Prefix a, int[] nh) {
        bad.sendRaw(update(none(), concat(originIgp(), asPath(as), nextHop(nh[0], nh[1], nh[2], nh[3])), nlri(a)));
        speaker.awaitRib("A back after a good UPDATE", s -> RibSpeaker.bestFrom(s, a, addr)
                && RibSpeaker.best(s, a).get().attrs().origin() == Origin.IGP, WAIT);
        for (RawPeer.Received r : bad.drain()) {
            BgpMessage m = r.message();
            assertTrue(!(m instanceof NotificationMessage), "unexpected NOTIFICATION " + m);
        }
        assertEquals(SessionState.ESTABLISHED, speaker.state(addr));
        assertTrue(!bad.isClosedByPeer(), "the session was closed");
    }

    private static InetAddress badAddress(int index) {
        return ip("127.0.0." + (10 + index));
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
