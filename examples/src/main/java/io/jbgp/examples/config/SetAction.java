package io.jbgp.examples.config;

import io.jbgp.core.attr.Community;
import java.net.InetAddress;

/** One attribute change of a filter rule's {@code set { ... }} (bgpd.conf(5), ATTRIBUTE SET). */
public sealed interface SetAction {

    /** {@code localpref N}: LOCAL_PREF (RFC 4271 §5.1.5). */
    record LocalPref(long value) implements SetAction {
        /** 0..2³²−1. */
        public LocalPref {
            checkUnsigned32(value);
        }
    }

    /** {@code med N} (alias {@code metric}): MULTI_EXIT_DISC (RFC 4271 §5.1.4). */
    record Med(long value) implements SetAction {
        /** 0..2³²−1. */
        public Med {
            checkUnsigned32(value);
        }
    }

    /** {@code prepend-self N}: prepend our AS N times. */
    record PrependSelf(int times) implements SetAction {
        /** 0..128, bgpd's limit. */
        public PrependSelf {
            if (times < 0 || times > 128) {
                throw new IllegalArgumentException("prepend-self out of range 0..128: " + times);
            }
        }
    }

    /** {@code community A:B}: add a community (RFC 1997). */
    record AddCommunity(Community community) implements SetAction {}

    /** {@code nexthop ADDR}. */
    record NextHop(InetAddress address) implements SetAction {}

    /** {@code nexthop self}: our local session address. */
    record NextHopSelf() implements SetAction {}

    private static void checkUnsigned32(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("value out of range 0..4294967295: " + value);
        }
    }
}
