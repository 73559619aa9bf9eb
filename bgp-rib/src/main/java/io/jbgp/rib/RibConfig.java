package io.jbgp.rib;

import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.attr.AttributeInterner;
import io.jbgp.rib.decision.DecisionOptions;
import io.jbgp.rib.fib.FibSink;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The RIB's own settings.
 *
 * @param localAs           our AS
 * @param routerId          our BGP Identifier (also the RFC 4456 cluster id)
 * @param decision          decision process options (MED, route age, ECMP)
 * @param rfc8212           RFC 8212 default deny for eBGP neighbors without a policy
 * @param resolveViaDefault whether a default route may resolve BGP next hops
 * @param feedChunk         prefixes per table-feed step
 * @param ticker            monotonic nanoseconds, for route age ({@code System::nanoTime} in production)
 * @param fibSink           where the forwarding table goes ({@link FibSink#NONE}: nowhere)
 * @param interner          the attribute interner
 */
public record RibConfig(Asn localAs, RouterId routerId, DecisionOptions decision, boolean rfc8212,
                        boolean resolveViaDefault, int feedChunk, LongSupplier ticker, FibSink fibSink,
                        AttributeInterner interner) {
    public RibConfig {
        Objects.requireNonNull(localAs, "localAs");
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(fibSink, "fibSink");
        Objects.requireNonNull(interner, "interner");
        if (feedChunk < 1) {
            throw new IllegalArgumentException("feedChunk must be positive: " + feedChunk);
        }
    }

    /** Defaults: deterministic MED, RFC 8212 on, no default-route resolution, no FIB. */
    public static RibConfig of(Asn localAs, RouterId routerId) {
        return new RibConfig(localAs, routerId, DecisionOptions.DEFAULT, true, false, 1000, System::nanoTime,
                FibSink.NONE, AttributeInterner.shared());
    }

    public RibConfig withDecision(DecisionOptions v) {
        return new RibConfig(localAs, routerId, v, rfc8212, resolveViaDefault, feedChunk, ticker, fibSink, interner);
    }

    public RibConfig withRfc8212(boolean v) {
        return new RibConfig(localAs, routerId, decision, v, resolveViaDefault, feedChunk, ticker, fibSink, interner);
    }

    public RibConfig withResolveViaDefault(boolean v) {
        return new RibConfig(localAs, routerId, decision, rfc8212, v, feedChunk, ticker, fibSink, interner);
    }

    public RibConfig withFeedChunk(int v) {
        return new RibConfig(localAs, routerId, decision, rfc8212, resolveViaDefault, v, ticker, fibSink, interner);
    }

    public RibConfig withTicker(LongSupplier v) {
        return new RibConfig(localAs, routerId, decision, rfc8212, resolveViaDefault, feedChunk, v, fibSink, interner);
    }

    public RibConfig withFibSink(FibSink v) {
        return new RibConfig(localAs, routerId, decision, rfc8212, resolveViaDefault, feedChunk, ticker, v, interner);
    }
}
