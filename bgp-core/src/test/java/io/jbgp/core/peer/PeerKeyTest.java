package io.jbgp.core.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerKeyTest {

    @Test
    void keysCompareByVrfThenAddressUnsigned() throws Exception {
        PeerKey low = PeerKey.of(InetAddress.getByName("10.0.0.1"));
        PeerKey high = PeerKey.of(InetAddress.getByName("203.0.113.1")); // negative as a signed byte
        PeerKey v6 = PeerKey.of(InetAddress.getByName("2001:db8::1"));
        PeerKey blue = new PeerKey(InetAddress.getByName("10.0.0.1"), Optional.of("blue"));
        List<PeerKey> keys = new ArrayList<>(List.of(blue, v6, high, low));
        keys.sort(null);
        assertEquals(List.of(low, high, v6, blue), keys);
        assertTrue(low.compareTo(PeerKey.of(InetAddress.getByName("10.0.0.1"))) == 0);
    }

    @Test
    void vrfIsPartOfTheIdentity() throws Exception {
        InetAddress a = InetAddress.getByName("198.51.100.7");
        assertNotEquals(PeerKey.of(a), new PeerKey(a, Optional.of("red")));
        assertEquals("198.51.100.7", PeerKey.of(a).toString());
        assertEquals("198.51.100.7%red", new PeerKey(a, Optional.of("red")).toString());
    }
}
