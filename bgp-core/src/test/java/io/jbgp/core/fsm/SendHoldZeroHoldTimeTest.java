package io.jbgp.core.fsm;

import static io.jbgp.core.fsm.FsmFixtures.LOCAL_END;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_END;
import static io.jbgp.core.fsm.FsmFixtures.SECOND;
import static io.jbgp.core.fsm.FsmFixtures.remoteOpen;
import static io.jbgp.core.fsm.FsmFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.fsm.SessionEvent.ManualStart;
import io.jbgp.core.fsm.SessionEvent.MessageReceived;
import io.jbgp.core.fsm.SessionEvent.SendBufferStalled;
import io.jbgp.core.fsm.SessionEvent.TcpConnected;
import io.jbgp.core.message.KeepaliveMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * RFC 9687 §4.3: the SendHoldTimer runs "unless the SendHoldTime value is zero or the negotiated
 * HoldTime value is zero". With a zero hold time (RFC 4271 §4.2) neither side sends KEEPALIVEs,
 * so nothing would ever restart the timer on a quiet session; and §4.4: a non-zero SendHoldTime
 * must exceed the HoldTime, which the default max(8 min, 2 × HoldTime) (§6) does.
 */
class SendHoldZeroHoldTimeTest {
    private static final long T0 = 1_000 * SECOND;

    private static Session established(TimerConfig timers, int remoteHold) {
        Session s = session(timers);
        s.handle(new ManualStart(false), T0);
        s.handle(new TcpConnected(LOCAL_END, REMOTE_END, false), T0);
        s.handle(new MessageReceived(remoteOpen(remoteHold)), T0);
        s.handle(new MessageReceived(KeepaliveMessage.INSTANCE), T0);
        assertEquals(SessionState.ESTABLISHED, s.state());
        return s;
    }

    @Test
    void zeroNegotiatedHoldTimeRunsNoSendHoldTimer() {
        Session s = established(TimerConfig.builder().build(), 0);
        s.handle(new SendBufferStalled(), T0 + SECOND);
        assertTrue(s.deadline(TimerKind.SEND_HOLD).isEmpty(), "send hold armed with a zero hold time");
        // an hour stuck: still Established, nothing fires
        s.poll(T0 + 3_600 * SECOND);
        assertEquals(SessionState.ESTABLISHED, s.state());
    }

    @Test
    void stallBeforeTheOpenExchangeIsForgottenWhenTheHoldTimeIsZero() {
        Session s = session(TimerConfig.builder().build());
        s.handle(new ManualStart(false), T0);
        s.handle(new TcpConnected(LOCAL_END, REMOTE_END, false), T0);
        s.handle(new SendBufferStalled(), T0); // stuck while in OpenSent: armed on the proposed hold time
        assertTrue(s.deadline(TimerKind.SEND_HOLD).isPresent());
        s.handle(new MessageReceived(remoteOpen(0)), T0 + SECOND);
        assertTrue(s.deadline(TimerKind.SEND_HOLD).isEmpty(), "send hold left armed after a zero hold time was negotiated");
    }

    @Test
    void nonZeroHoldTimeKeepsTheDefaultAboveTheHoldTime() {
        for (int hold : new int[] {3, 90, 240, 600, 65_535}) {
            Session s = established(TimerConfig.builder().holdTime(Duration.ofSeconds(65_535)).build(), hold);
            s.handle(new SendBufferStalled(), T0);
            long sendHold = s.deadline(TimerKind.SEND_HOLD).orElseThrow() - T0;
            assertEquals(Math.max(480, 2L * hold) * SECOND, sendHold, "hold " + hold);
            assertTrue(sendHold > hold * SECOND, "RFC 9687 §4.4: SendHoldTime must exceed HoldTime");
        }
    }
}
