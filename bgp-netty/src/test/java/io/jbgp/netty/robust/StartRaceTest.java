package io.jbgp.netty.robust;

import static io.jbgp.netty.robust.MalformedUpdateTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.types.Asn;
import io.jbgp.rib.fib.FibSink;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A neighbor added to a running speaker and connecting at once is accepted. With one event loop
 * the listener registers the accepted channel inline, in the same I/O pass, ahead of the queued
 * start task of the new neighbor; the driver used to refuse it with CEASE Connection Rejected
 * ("neighbor is stopped"). Found by the fault tests, which add neighbors and connect at once.
 */
class StartRaceTest {

    @Test
    void neighborConnectingRightAfterAddPeerIsNotRefused() {
        try (RibSpeaker speaker = new RibSpeaker(ip("127.0.0.1"), FibSink.NONE, TimerConfig.DEFAULT)) {
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                InetAddress a = ip("127.0.1." + (10 + i));
                Asn as = Asn.of(65300 + i);
                speaker.addPassivePeer(a, as);
                try (RawPeer p = RawPeer.establish(a, speaker.address(), as, 90)) {
                    speaker.awaitState(a, SessionState.ESTABLISHED, java.time.Duration.ofSeconds(10));
                } catch (AssertionError e) {
                    refused.add(a.getHostAddress() + ": " + e.getMessage());
                }
            }
            assertEquals(List.of(), refused);
        }
    }
}
