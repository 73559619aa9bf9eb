package io.jbgp.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.message.Capability;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Defaults, validation and the password mask of the configuration records. */
class PeerConfigTest {

    @Test
    void builderDefaultsFollowTheRemoteAddressFamily() throws Exception {
        PeerConfig v4 = PeerConfig.builder(InetAddress.getByName("127.0.0.2"), Asn.of(65002)).build();
        assertEquals(Set.of(AddressFamily.IPV4_UNICAST), v4.families());
        assertEquals(179, v4.port());
        assertFalse(v4.passive());
        assertTrue(v4.routeRefresh());
        assertEquals(Optional.empty(), v4.timers());
        assertEquals(PeerKey.of(InetAddress.getByName("127.0.0.2")), v4.key());

        PeerConfig v6 = PeerConfig.builder(InetAddress.getByName("::1"), Asn.of(65002)).build();
        assertEquals(Set.of(AddressFamily.IPV6_UNICAST), v6.families());
        PeerConfig both = PeerConfig.builder(InetAddress.getByName("::1"), Asn.of(65002))
                .family(AddressFamily.IPV4_UNICAST).family(AddressFamily.IPV6_UNICAST).build();
        assertEquals(Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST), both.families());
    }

    @Test
    void passwordIsMaskedInToString() throws Exception {
        PeerConfig c = PeerConfig.builder(InetAddress.getByName("127.0.0.2"), Asn.of(65002))
                .md5Password("s3cret-key").description("lab").build();
        assertFalse(c.toString().contains("s3cret-key"), c.toString());
        assertTrue(c.toString().contains("******"));
        assertEquals(Optional.of("s3cret-key"), c.md5Password());
    }

    @Test
    void effectiveTimersFallBackToTheSpeaker() throws Exception {
        TimerConfig speakerTimers = TimerConfig.builder().holdTime(Duration.ofSeconds(30)).build();
        SpeakerConfig speaker = SpeakerConfig.builder(Asn.of(65001), RouterId.parse("10.0.0.1"))
                .timers(speakerTimers).listen(new InetSocketAddress("127.0.0.1", 1179)).build();
        PeerConfig inherit = PeerConfig.builder(InetAddress.getByName("127.0.0.2"), Asn.of(65002)).build();
        assertEquals(speakerTimers, inherit.effectiveTimers(speaker));
        TimerConfig own = TimerConfig.builder().holdTime(Duration.ofSeconds(9)).build();
        assertEquals(own, PeerConfig.builder(InetAddress.getByName("127.0.0.2"), Asn.of(65002)).timers(own).build()
                .effectiveTimers(speaker));
    }

    @Test
    void invalidValuesAreRefused() throws Exception {
        InetAddress a = InetAddress.getByName("127.0.0.2");
        assertThrows(IllegalArgumentException.class, () -> PeerConfig.builder(a, Asn.of(1)).port(0).build());
        assertThrows(IllegalArgumentException.class, () -> PeerConfig.builder(a, Asn.of(1)).ttlSecurity(255).build());
        assertThrows(IllegalArgumentException.class,
                () -> TimerConfig.builder().holdTime(Duration.ofSeconds(2)).build());
        assertThrows(IllegalArgumentException.class,
                () -> TimerConfig.builder().idleHoldInitial(Duration.ofMinutes(2)).idleHoldMax(Duration.ofMinutes(1)).build());
        assertThrows(IllegalArgumentException.class,
                () -> SpeakerConfig.builder(Asn.of(65001), RouterId.of(0)).build());
        // the builder sets role and strict mode together
        assertEquals(Optional.of(Capability.Role.PEER),
                PeerConfig.builder(a, Asn.of(1)).role(Capability.Role.PEER, true).build().role());
    }

    @Test
    void timerDefaultsAreTheRfcSuggestions() {
        TimerConfig t = TimerConfig.DEFAULT;
        assertEquals(Duration.ofSeconds(120), t.connectRetry());   // RFC 4271 §10
        assertEquals(Duration.ofSeconds(90), t.holdTime());        // RFC 4271 §10
        assertEquals(Duration.ofMinutes(4), t.largeHold());        // RFC 4271 §8.2.2
        assertEquals(Duration.ofMinutes(8), t.sendHoldMinimum());  // RFC 9687
        assertEquals(Duration.ZERO, t.delayOpen());
        assertEquals(t, t.toBuilder().build());
    }
}
