package io.jbgp.core.config;

import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the local speaker, shared by all peers (OpenBGPD's global {@code AS},
 * {@code router-id}, {@code listen on}).
 *
 * @param localAs  our AS number
 * @param routerId our BGP Identifier (RFC 6286: any non-zero 4-octet value)
 * @param listen   addresses to accept connections on; empty for a speaker that only connects out
 * @param timers   timer defaults for peers that configure none
 */
public record SpeakerConfig(Asn localAs, RouterId routerId, List<InetSocketAddress> listen,
                            TimerConfig timers) {
    /** The IANA BGP port. */
    public static final int BGP_PORT = 179;

    public SpeakerConfig {
        Objects.requireNonNull(localAs, "localAs");
        Objects.requireNonNull(routerId, "routerId");
        if (routerId.value() == 0) {
            throw new IllegalArgumentException("router id 0.0.0.0 is not a valid BGP Identifier");
        }
        listen = List.copyOf(listen);
        Objects.requireNonNull(timers, "timers");
    }

    public static Builder builder(Asn localAs, RouterId routerId) {
        return new Builder(localAs, routerId);
    }

    /** Builder for {@link SpeakerConfig}: no listeners, default timers. */
    public static final class Builder {
        private final Asn localAs;
        private final RouterId routerId;
        private final List<InetSocketAddress> listen = new ArrayList<>();
        private TimerConfig timers = TimerConfig.DEFAULT;

        private Builder(Asn localAs, RouterId routerId) {
            this.localAs = localAs;
            this.routerId = routerId;
        }

        public Builder listen(InetSocketAddress address) {
            listen.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        public Builder timers(TimerConfig timers) {
            this.timers = timers;
            return this;
        }

        public SpeakerConfig build() {
            return new SpeakerConfig(localAs, routerId, listen, timers);
        }
    }
}
