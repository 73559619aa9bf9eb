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

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.PathAttribute;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.fib.FibSink;
import io.jbgp.rib.table.Eligibility;
import io.jbgp.rib.table.PeerSource;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 4456 §8 loop checks end to end, for a speaker that is <em>not</em> a route reflector (jbgp
 * has no reflector role; its cluster id is its router id, RFC 4456 §7) but sits in an AS that has
 * one. An iBGP neighbor (a reflector) sends paths over a real session:
 *
 * <ul>
 *   <li>CLUSTER_LIST holding our cluster id (10.0.0.1): the path went round the reflection
 *       topology back to us; ineligible ({@code CLUSTER_LOOP}), never best, forwarded or
 *       exported. FRR (bgp_cluster_filter on iBGP input) and OpenBGPD (F_ATTR_LOOP) ignore it
 *       too.</li>
 *   <li>ORIGINATOR_ID equal to our router id: ineligible ({@code ORIGINATOR_ID_SELF}).</li>
 *   <li>foreign ORIGINATOR_ID and CLUSTER_LIST: eligible and best, exported to an eBGP neighbor
 *       <em>without</em> either attribute (both are optional non-transitive and meaningful only
 *       inside the AS: what arrives on the eBGP wire is checked), and not sent to a second iBGP
 *       neighbor (RFC 4271 §9.2: no iBGP to iBGP without reflection).</li>
 *   <li>our own AS inside an iBGP-learned AS_PATH: eligible. The AS-path loop check applies to
 *       eBGP paths only, as in OpenBGPD ({@code peer->conf.ebgp && !aspath_loopfree}); the eBGP
 *       case is {@link SecurityTest#pathWithOurAsIsIneligibleAndNeverBest}.</li>
 * </ul>
 */
class ReflectionLoopTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final InetAddress REFLECTOR = ip("127.0.0.130");
    private static final InetAddress OTHER_IBGP = ip("127.0.0.131");
    private static final InetAddress EBGP = ip("127.0.0.132");
    private static final Asn EBGP_AS = Asn.of(65132);

    private static final Ipv4Prefix CLUSTER_LOOP = (Ipv4Prefix) IpPrefix.parse("203.0.113.0/26");
    private static final Ipv4Prefix ORIGINATOR_SELF = (Ipv4Prefix) IpPrefix.parse("203.0.113.64/26");
    private static final Ipv4Prefix REFLECTED = (Ipv4Prefix) IpPrefix.parse("203.0.113.128/26");
    private static final Ipv4Prefix OWN_AS_IBGP = (Ipv4Prefix) IpPrefix.parse("203.0.113.192/26");

    @Test
    void clusterListAndOriginatorIdLoopsAreIgnoredAndNeverLeakToEbgp() {
        try (RibSpeaker speaker = new RibSpeaker(ip("127.0.0.1"), FibSink.NONE, TimerConfig.DEFAULT)) {
            speaker.addPassivePeer(REFLECTOR, RibSpeaker.LOCAL_AS);
            speaker.addPassivePeer(OTHER_IBGP, RibSpeaker.LOCAL_AS);
            speaker.addPassivePeer(EBGP, EBGP_AS);
            try (RawPeer ebgp = RawPeer.establish(EBGP, speaker.address(), EBGP_AS, 90);
                 RawPeer otherIbgp = RawPeer.establish(OTHER_IBGP, speaker.address(), RibSpeaker.LOCAL_AS, 90);
                 RawPeer reflector = RawPeer.establish(REFLECTOR, speaker.address(), RibSpeaker.LOCAL_AS, 90)) {
                byte[] base = concat(originIgp(), nextHop(127, 0, 0, 130), attr(0x40, 5, 0, 0, 0, 100));
                // CLUSTER_LIST 10.9.9.9, 10.0.0.1: the second is ours
                reflector.sendRaw(update(none(), concat(base, asPath(),
                        attr(0x80, 9, 10, 9, 9, 8), attr(0x80, 10, 10, 9, 9, 9, 10, 0, 0, 1)), nlri(CLUSTER_LOOP)));
                reflector.sendRaw(update(none(), concat(base, asPath(), attr(0x80, 9, 10, 0, 0, 1)),
                        nlri(ORIGINATOR_SELF)));
                reflector.sendRaw(update(none(), concat(base, asPath(),
                        attr(0x80, 9, 10, 9, 9, 8), attr(0x80, 10, 10, 9, 9, 9)), nlri(REFLECTED)));
                reflector.sendRaw(update(none(), concat(base, asPath(65010, RibSpeaker.LOCAL_AS.value(), 65020)),
                        nlri(OWN_AS_IBGP)));

                RibSnapshot s = speaker.awaitRib("the reflected and the iBGP own-AS paths best",
                        x -> RibSpeaker.bestFrom(x, REFLECTED, REFLECTOR) && RibSpeaker.bestFrom(x, OWN_AS_IBGP, REFLECTOR)
                                && candidates(x, CLUSTER_LOOP) == 1 && candidates(x, ORIGINATOR_SELF) == 1
                                // (neighbors become RIB peers asynchronously once their sessions are up)
                                && x.peers().containsKey(OTHER_IBGP) && x.peers().containsKey(EBGP), WAIT);
                assertIneligible(s, CLUSTER_LOOP, Eligibility.CLUSTER_LOOP);
                assertIneligible(s, ORIGINATOR_SELF, Eligibility.ORIGINATOR_ID_SELF);
                assertTrue(s.forwarding().containsKey(REFLECTED) && s.forwarding().containsKey(OWN_AS_IBGP),
                        "eligible iBGP paths not forwarded");

                // on the eBGP wire: both eligible paths, without ORIGINATOR_ID or CLUSTER_LIST
                speaker.await("the eBGP neighbor has the eligible paths",
                        () -> ebgp.routes().containsAll(List.of(REFLECTED, OWN_AS_IBGP)), WAIT);
                List<UpdateMessage> toEbgp = ebgp.drain().stream().filter(r -> r.message() instanceof UpdateMessage)
                        .map(r -> (UpdateMessage) r.message()).toList();
                UpdateMessage reflected = toEbgp.stream()
                        .filter(u -> u.announced(AddressFamily.IPV4_UNICAST).stream().anyMatch(n -> n.prefix().equals(REFLECTED)))
                        .findFirst().orElseThrow(() -> new AssertionError("no UPDATE for " + REFLECTED + ": " + toEbgp));
                assertFalse(reflected.attributes().has(PathAttribute.ORIGINATOR_ID), "ORIGINATOR_ID sent to eBGP: " + reflected);
                assertFalse(reflected.attributes().has(PathAttribute.CLUSTER_LIST), "CLUSTER_LIST sent to eBGP: " + reflected);
                assertEquals(AsPath.sequence(RibSpeaker.LOCAL_AS.value()), reflected.attributes().asPath().orElseThrow(),
                        "AS_PATH towards eBGP");
                assertFalse(ebgp.routes().contains(CLUSTER_LOOP) || ebgp.routes().contains(ORIGINATOR_SELF),
                        "a looped path reached the eBGP neighbor: " + ebgp.routes());

                // no reflection: nothing iBGP-learned goes to the other iBGP neighbor
                RibSnapshot after = speaker.snapshot();
                for (Ipv4Prefix p : List.of(CLUSTER_LOOP, ORIGINATOR_SELF, REFLECTED, OWN_AS_IBGP)) {
                    assertFalse(after.peers().get(OTHER_IBGP).adjRibOut().containsKey(p), p + " sent iBGP to iBGP");
                }
                assertTrue(otherIbgp.routes().isEmpty(), "the other iBGP neighbor received " + otherIbgp.routes());
            }
        }
    }

    private static long candidates(RibSnapshot s, IpPrefix p) {
        return s.routes(p.family()).stream().filter(d -> d.prefix().equals(p)).mapToLong(d -> d.candidates().size()).sum();
    }

    private static void assertIneligible(RibSnapshot s, IpPrefix prefix, Eligibility why) {
        RibSnapshot.DestinationView d = s.routes(prefix.family()).stream().filter(x -> x.prefix().equals(prefix))
                .findFirst().orElseThrow(() -> new AssertionError(prefix + " not even a candidate"));
        RibSnapshot.CandidateView c = d.candidates().get(0);
        assertTrue(c.route().source() instanceof PeerSource p && p.address().equals(REFLECTOR), c.toString());
        assertEquals(why, c.route().eligibility(), prefix.toString());
        assertFalse(c.best(), "an ineligible path became best");
        assertFalse(s.forwarding().containsKey(prefix), "an ineligible path was forwarded");
        for (InetAddress peer : List.of(OTHER_IBGP, EBGP)) {
            assertFalse(s.peers().get(peer).adjRibOut().containsKey(prefix), "an ineligible path was exported to " + peer);
        }
    }
}
