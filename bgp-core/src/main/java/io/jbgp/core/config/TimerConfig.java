package io.jbgp.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Session timer settings (RFC 4271 §10, RFC 9687). Data only; the FSM applies jitter and
 * negotiation.
 *
 * @param connectRetry     ConnectRetryTime between outbound connection attempts (RFC 4271 §10:
 *                         120 s)
 * @param holdTime         the hold time we propose in OPEN: zero (no keepalives) or at least 3 s
 * @param keepalive        the keepalive interval; zero means one third of the negotiated hold
 *                         time, anything else is capped at that third (RFC 4271 §10)
 * @param largeHold        the hold timer while waiting for the peer's OPEN (RFC 4271 §8.2.2:
 *                         "a large value", suggested 4 minutes)
 * @param delayOpen        DelayOpenTime (RFC 4271 §8.1.1 attribute, optional); zero disables it
 * @param idleHoldInitial  first IdleHoldTime after a session went down (damping of peer
 *                         oscillations, RFC 4271 §8.1.1 DampPeerOscillations)
 * @param idleHoldMax      the IdleHoldTime never grows beyond this
 * @param idleHoldStable   after this long in Established the back-off is forgotten
 * @param sendHoldMinimum  lower bound of the RFC 9687 SendHoldTime, which is
 *                         {@code max(sendHoldMinimum, 2 × negotiated hold time)}; zero disables
 *                         the send hold timer
 */
public record TimerConfig(Duration connectRetry, Duration holdTime, Duration keepalive,
                          Duration largeHold, Duration delayOpen, Duration idleHoldInitial,
                          Duration idleHoldMax, Duration idleHoldStable, Duration sendHoldMinimum) {

    /** RFC 4271 §10 suggested values, OpenBGPD-like damping, RFC 9687 suggested send hold. */
    public static final TimerConfig DEFAULT = builder().build();

    public TimerConfig {
        requirePositive(connectRetry, "connectRetry");
        requireNonNegative(holdTime, "holdTime");
        if (!holdTime.isZero() && (holdTime.toSeconds() < 3 || holdTime.toSeconds() > 0xFFFF)) {
            throw new IllegalArgumentException("hold time must be 0 or 3..65535 s: " + holdTime);
        }
        requireNonNegative(keepalive, "keepalive");
        requirePositive(largeHold, "largeHold");
        requireNonNegative(delayOpen, "delayOpen");
        requirePositive(idleHoldInitial, "idleHoldInitial");
        requirePositive(idleHoldMax, "idleHoldMax");
        if (idleHoldMax.compareTo(idleHoldInitial) < 0) {
            throw new IllegalArgumentException("idleHoldMax < idleHoldInitial");
        }
        requireNonNegative(idleHoldStable, "idleHoldStable");
        requireNonNegative(sendHoldMinimum, "sendHoldMinimum");
    }

    private static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " is negative: " + d);
        }
    }

    private static void requirePositive(Duration d, String name) {
        requireNonNegative(d, name);
        if (d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** The proposed hold time in whole seconds, as it goes into OPEN. */
    public int holdTimeSeconds() {
        return (int) holdTime.toSeconds();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectRetry = connectRetry;
        b.holdTime = holdTime;
        b.keepalive = keepalive;
        b.largeHold = largeHold;
        b.delayOpen = delayOpen;
        b.idleHoldInitial = idleHoldInitial;
        b.idleHoldMax = idleHoldMax;
        b.idleHoldStable = idleHoldStable;
        b.sendHoldMinimum = sendHoldMinimum;
        return b;
    }

    /** Builder for {@link TimerConfig}; every field starts at its default. */
    public static final class Builder {
        private Duration connectRetry = Duration.ofSeconds(120);
        private Duration holdTime = Duration.ofSeconds(90);
        private Duration keepalive = Duration.ZERO;
        private Duration largeHold = Duration.ofMinutes(4);
        private Duration delayOpen = Duration.ZERO;
        private Duration idleHoldInitial = Duration.ofSeconds(30);
        private Duration idleHoldMax = Duration.ofHours(1);
        private Duration idleHoldStable = Duration.ofMinutes(5);
        private Duration sendHoldMinimum = Duration.ofMinutes(8);

        private Builder() {}

        public Builder connectRetry(Duration d) {
            this.connectRetry = d;
            return this;
        }

        public Builder holdTime(Duration d) {
            this.holdTime = d;
            return this;
        }

        public Builder keepalive(Duration d) {
            this.keepalive = d;
            return this;
        }

        public Builder largeHold(Duration d) {
            this.largeHold = d;
            return this;
        }

        public Builder delayOpen(Duration d) {
            this.delayOpen = d;
            return this;
        }

        public Builder idleHoldInitial(Duration d) {
            this.idleHoldInitial = d;
            return this;
        }

        public Builder idleHoldMax(Duration d) {
            this.idleHoldMax = d;
            return this;
        }

        public Builder idleHoldStable(Duration d) {
            this.idleHoldStable = d;
            return this;
        }

        public Builder sendHoldMinimum(Duration d) {
            this.sendHoldMinimum = d;
            return this;
        }

        public TimerConfig build() {
            return new TimerConfig(connectRetry, holdTime, keepalive, largeHold, delayOpen,
                    idleHoldInitial, idleHoldMax, idleHoldStable, sendHoldMinimum);
        }
    }
}
