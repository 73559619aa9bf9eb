package io.jbgp.netty.robust;

import static io.jbgp.netty.robust.MalformedUpdateTest.ip;
import static io.jbgp.netty.robust.Wire.asPath;
import static io.jbgp.netty.robust.Wire.attr;
import static io.jbgp.netty.robust.Wire.concat;
import static io.jbgp.netty.robust.Wire.nextHop;
import static io.jbgp.netty.robust.Wire.nlri;
import static io.jbgp.netty.robust.Wire.none;
import static io.jbgp.netty.robust.Wire.originIgp;
import static io.jbgp.netty.robust.Wire.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.codec.MessageWriter;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.NettyBgpSpeaker;
import io.jbgp.netty.SpeakerEvent;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.fib.FibSink;
import io.jbgp.rib.table.Eligibility;
import io.jbgp.rib.table.PeerSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Hostile sources and hostile paths: strangers are refused before any OPEN is parsed, our own AS
 * or router ID in a received path makes it ineligible, and a TCP MD5 password never reaches
 * {@code toString} or the log.
 */
class SecurityTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final InetAddress NEIGHBOR = ip("127.0.0.70");
    private static final InetAddress STRANGER = ip("127.0.0.71");
    private static final InetAddress OBSERVER = ip("127.0.0.72");

    @Test
    void connectionFromUnconfiguredSourceIsClosedWithoutAnyByte() throws Exception {
        try (RibSpeaker speaker = new RibSpeaker(ip("127.0.0.1"), FibSink.NONE, TimerConfig.DEFAULT);
             Socket s = new Socket()) {
            speaker.addPassivePeer(NEIGHBOR, Asn.of(65070));
            s.bind(new InetSocketAddress(STRANGER, 0));
            s.connect(speaker.address(), 5_000);
            s.setSoTimeout((int) WAIT.toMillis());
            // a complete, valid OPEN: if anything parsed it, a NOTIFICATION or OPEN would come back
            byte[] open = MessageWriter.toBytes(OpenMessage.of(Asn.of(65071), 90, RouterId.parse("10.0.0.71"),
                    List.of(new Capability.MultiProtocol(AddressFamily.IPV4_UNICAST))),
                    io.jbgp.core.codec.CodecContext.INITIAL);
            try {
                s.getOutputStream().write(open);
            } catch (SocketException closedAlready) {
                // the speaker may have closed before our write: just as good
            }
            InputStream in = s.getInputStream();
            int first;
            try {
                first = in.read();
            } catch (SocketException reset) {
                first = -1; // RST because our OPEN hit a closed socket: closed, nothing sent
            }
            assertEquals(-1, first, "the speaker wrote to a stranger");
            // nothing about the stranger reached the session layer
            assertTrue(speaker.events.stream().noneMatch(e -> e.toString().contains(STRANGER.getHostAddress())),
                    "a session event for the stranger: " + speaker.events);
            assertEquals(List.of(new io.jbgp.core.peer.PeerKey(NEIGHBOR, Optional.empty())), speaker.speaker.peers());
        }
    }

    @Test
    void pathWithOurAsIsIneligibleAndNeverBest() {
        try (RibSpeaker speaker = new RibSpeaker(ip("127.0.0.1"), FibSink.NONE, TimerConfig.DEFAULT)) {
            speaker.addPassivePeer(NEIGHBOR, Asn.of(65070));
            speaker.addPassivePeer(OBSERVER, Asn.of(65072));
            try (RawPeer observer = RawPeer.establish(OBSERVER, speaker.address(), Asn.of(65072), 90);
                 RawPeer peer = RawPeer.establish(NEIGHBOR, speaker.address(), Asn.of(65070), 90)) {
                Ipv4Prefix looped = (Ipv4Prefix) IpPrefix.parse("198.51.100.128/25");
                Ipv4Prefix fine = (Ipv4Prefix) IpPrefix.parse("198.51.100.0/25");
                // RFC 4271 §9.1.2: a path containing our own AS (65001) is a loop
                peer.sendRaw(update(none(), concat(originIgp(), asPath(65070, 65001, 65099), nextHop(127, 0, 0, 70)),
                        nlri(looped)));
                peer.sendRaw(update(none(), concat(originIgp(), asPath(65070), nextHop(127, 0, 0, 70)), nlri(fine)));
                RibSnapshot s = speaker.awaitRib("the loop-free path best",
                        x -> RibSpeaker.bestFrom(x, fine, NEIGHBOR) && x.peers().containsKey(OBSERVER),
                        WAIT);
                assertIneligible(s, looped, Eligibility.AS_LOOP);
            }
        }
    }

    @Test
    void pathWithOurRouterIdAsOriginatorIsIneligible() {
        try (RibSpeaker speaker = new RibSpeaker(ip("127.0.0.1"), FibSink.NONE, TimerConfig.DEFAULT)) {
            // iBGP: ORIGINATOR_ID is legitimate on the wire, ours means the route came back to us
            speaker.addPassivePeer(NEIGHBOR, RibSpeaker.LOCAL_AS);
            speaker.addPassivePeer(OBSERVER, Asn.of(65072));
            try (RawPeer observer = RawPeer.establish(OBSERVER, speaker.address(), Asn.of(65072), 90);
                 RawPeer peer = RawPeer.establish(NEIGHBOR, speaker.address(), RibSpeaker.LOCAL_AS, 90)) {
                Ipv4Prefix reflected = (Ipv4Prefix) IpPrefix.parse("203.0.113.128/25");
                Ipv4Prefix fine = (Ipv4Prefix) IpPrefix.parse("203.0.113.0/25");
                byte[] localPref = attr(0x40, 5, 0, 0, 0, 100);
                byte[] ourId = attr(0x80, 9, 10, 0, 0, 1); // ORIGINATOR_ID 10.0.0.1 = RibSpeaker.ROUTER_ID
                byte[] otherId = attr(0x80, 9, 10, 0, 0, 99);
                peer.sendRaw(update(none(), concat(originIgp(), asPath(), nextHop(127, 0, 0, 70), localPref, ourId),
                        nlri(reflected)));
                peer.sendRaw(update(none(), concat(originIgp(), asPath(), nextHop(127, 0, 0, 70), localPref, otherId),
                        nlri(fine)));
                RibSnapshot s = speaker.awaitRib("the other originator's path best",
                        x -> RibSpeaker.bestFrom(x, fine, NEIGHBOR) && x.peers().containsKey(OBSERVER), WAIT);
                assertIneligible(s, reflected, Eligibility.ORIGINATOR_ID_SELF);
            }
        }
    }

    /** The path is a candidate from NEIGHBOR, ineligible for the reason, not best, not forwarded or exported. */
    private static void assertIneligible(RibSnapshot s, IpPrefix prefix, Eligibility why) {
        RibSnapshot.DestinationView d = s.routes(prefix.family()).stream().filter(x -> x.prefix().equals(prefix))
                .findFirst().orElseThrow(() -> new AssertionError(prefix + " not even a candidate"));
        assertEquals(1, d.candidates().size(), d.toString());
        RibSnapshot.CandidateView c = d.candidates().get(0);
        assertTrue(c.route().source() instanceof PeerSource p && p.address().equals(NEIGHBOR), c.toString());
        assertEquals(why, c.route().eligibility());
        assertFalse(c.best(), "an ineligible path became best");
        assertFalse(s.forwarding().containsKey(prefix), "an ineligible path was forwarded");
        assertFalse(s.peers().get(OBSERVER).adjRibOut().containsKey(prefix), "an ineligible path was exported");
    }

    @Test
    void md5PasswordIsNeverPrintedOrLogged() throws InterruptedException {
        String secret = "robust-Secret-4711";
        PeerConfig config = PeerConfig.builder(NEIGHBOR, Asn.of(65070)).md5Password(secret).port(1)
                .timers(TimerConfig.builder().connectRetry(Duration.ofMillis(200)).build()).build();
        assertFalse(config.toString().contains(secret), config.toString());
        assertTrue(config.toString().contains("md5Password=Optional[******]"), config.toString());

        PrintStream realErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<SpeakerEvent> events = new CopyOnWriteArrayList<>();
        // slf4j-simple writes to the current System.err at each line (not a cached stream)
        System.setErr(new PrintStream(new TeeStream(captured, realErr), true, StandardCharsets.UTF_8));
        try (NettyBgpSpeaker speaker = NettyBgpSpeaker.builder().localAs(RibSpeaker.LOCAL_AS)
                .routerId(RibSpeaker.ROUTER_ID).listen(new InetSocketAddress(ip("127.0.0.1"), 0)).threads(1).build()) {
            java.util.concurrent.CountDownLatch failedOnce = new java.util.concurrent.CountDownLatch(1);
            speaker.events().subscribe(e -> {
                events.add(e);
                if (e instanceof SpeakerEvent.PeerStateChanged c && c.current() == io.jbgp.core.fsm.SessionState.CONNECT) {
                    failedOnce.countDown();
                }
            });
            speaker.start();
            speaker.addPeer(config); // connects out to port 1 with the key installed on the socket
            assertTrue(failedOnce.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS),
                    "no connection attempt: " + events);
            speaker.removePeer(config.key());
        } catch (UnsupportedOperationException | IllegalStateException noMd5Here) {
            // a transport without TCP MD5 refuses the neighbor; its message must not carry the key either
            assertFalse(String.valueOf(noMd5Here.getMessage()).contains(secret), noMd5Here.getMessage());
        } finally {
            System.setErr(realErr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("127.0.0.70") || log.contains("listening"), "nothing was logged: capture broken?\n" + log);
        assertFalse(log.contains(secret), "the password was logged:\n" + log);
        assertFalse(events.toString().contains(secret), "the password is in an event");
    }

    /** Copies to the capture and to the real stream. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
