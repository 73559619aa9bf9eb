package io.jbgp.rib;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.rib.policy.ExportPolicy;
import io.jbgp.rib.policy.ImportPolicy;
import io.jbgp.rib.table.LocalSource;
import io.jbgp.rib.table.Neighbor;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that can change the RIB, as a value posted to the RIB executor (STYLE §7 rule 11).
 * Sessions post {@link PeerUp}, {@link Update}, {@link PeerDown}, {@link RouteRefresh} and
 * {@link PeerWritable}; the host's route source posts {@link SystemRouteChanged}; the embedder
 * and the redistributor post the rest.
 */
public sealed interface RibCommand {

    /**
     * A session reached ESTABLISHED: start the initial table feed.
     *
     * @param neighbor     who it is, and our addresses towards it
     * @param codec        what the session negotiated (families, ADD-PATH, message size)
     * @param sink         where its UPDATEs go
     * @param importPolicy its import policy; empty means none (RFC 8212 for eBGP)
     * @param exportPolicy its export policy; empty means none (RFC 8212 for eBGP)
     * @param enhancedRouteRefresh whether RFC 7313 was negotiated (BoRR/EoRR around a re-send)
     * @param maxPrefixes  its prefix limit (RFC 4486 §4), if any
     */
    record PeerUp(Neighbor neighbor, CodecContext codec, PeerOutbound sink, Optional<ImportPolicy> importPolicy,
                  Optional<ExportPolicy> exportPolicy, boolean enhancedRouteRefresh,
                  java.util.OptionalLong maxPrefixes) implements RibCommand {
        /**
         * Rejects null parts.
         *
         * @param neighbor who it is, and our addresses towards it
         * @param codec what the session negotiated (families, ADD-PATH, message size)
         * @param sink where its UPDATEs go
         * @param importPolicy its import policy; empty means none (RFC 8212 for eBGP)
         * @param exportPolicy its export policy; empty means none (RFC 8212 for eBGP)
         * @param enhancedRouteRefresh whether RFC 7313 was negotiated (BoRR/EoRR around a re-send)
         * @param maxPrefixes its prefix limit (RFC 4486 §4), if any
         */
        public PeerUp {
            Objects.requireNonNull(neighbor, "neighbor");
            Objects.requireNonNull(codec, "codec");
            Objects.requireNonNull(sink, "sink");
            Objects.requireNonNull(importPolicy, "importPolicy");
            Objects.requireNonNull(exportPolicy, "exportPolicy");
            Objects.requireNonNull(maxPrefixes, "maxPrefixes");
        }

        /**
         * Without a prefix limit.
         *
         * @param neighbor who it is, and our addresses towards it
         * @param codec what the session negotiated
         * @param sink where its UPDATEs go
         * @param importPolicy its import policy; empty means none
         * @param exportPolicy its export policy; empty means none
         * @param enhancedRouteRefresh whether RFC 7313 was negotiated
         */
        public PeerUp(Neighbor neighbor, CodecContext codec, PeerOutbound sink, Optional<ImportPolicy> importPolicy,
                      Optional<ExportPolicy> exportPolicy, boolean enhancedRouteRefresh) {
            this(neighbor, codec, sink, importPolicy, exportPolicy, enhancedRouteRefresh, java.util.OptionalLong.empty());
        }

        /**
         * A session without enhanced route refresh or prefix limit.
         *
         * @param neighbor who it is, and our addresses towards it
         * @param codec what the session negotiated
         * @param sink where its UPDATEs go
         * @param importPolicy its import policy; empty means none
         * @param exportPolicy its export policy; empty means none
         */
        public PeerUp(Neighbor neighbor, CodecContext codec, PeerOutbound sink, Optional<ImportPolicy> importPolicy,
                      Optional<ExportPolicy> exportPolicy) {
            this(neighbor, codec, sink, importPolicy, exportPolicy, false);
        }
    }

    /**
     * An UPDATE (or the withdrawals of a treat-as-withdraw UPDATE, RFC 7606) from a neighbor.
     *
     * @param neighbor the neighbor's address
     * @param update the UPDATE
     */
    record Update(InetAddress neighbor, UpdateMessage update) implements RibCommand {
        /**
         * Rejects null parts.
         *
         * @param neighbor the neighbor's address
         * @param update the UPDATE
         */
        public Update {
            Objects.requireNonNull(neighbor, "neighbor");
            Objects.requireNonNull(update, "update");
        }
    }

    /**
     * The session left ESTABLISHED: drop its paths and its Adj-RIBs.
     *
     * @param neighbor the neighbor's address
     */
    record PeerDown(InetAddress neighbor) implements RibCommand {
        /**
         * Rejects a null neighbor.
         *
         * @param neighbor the neighbor's address
         */
        public PeerDown {
            Objects.requireNonNull(neighbor, "neighbor");
        }
    }

    /**
     * The neighbor sent ROUTE-REFRESH (RFC 2918): send it the family again.
     *
     * @param neighbor the neighbor's address
     * @param family the family to re-send
     */
    record RouteRefresh(InetAddress neighbor, AddressFamily family) implements RibCommand {
        /**
         * Rejects null parts.
         *
         * @param neighbor the neighbor's address
         * @param family the family to re-send
         */
        public RouteRefresh {
            Objects.requireNonNull(neighbor, "neighbor");
            Objects.requireNonNull(family, "family");
        }
    }

    /**
     * The neighbor's transport can take data again: flush queues, resume a paused feed.
     *
     * @param neighbor the neighbor's address
     */
    record PeerWritable(InetAddress neighbor) implements RibCommand {
        /**
         * Rejects a null neighbor.
         *
         * @param neighbor the neighbor's address
         */
        public PeerWritable {
            Objects.requireNonNull(neighbor, "neighbor");
        }
    }

    /**
     * A host route appeared or disappeared: re-resolve the next hops it covers.
     *
     * @param route the host route
     * @param added true when it appeared, false when it went away
     */
    record SystemRouteChanged(SystemRoute route, boolean added) implements RibCommand {
        /**
         * Rejects a null route.
         *
         * @param route the host route
         * @param added true when it appeared, false when it went away
         */
        public SystemRouteChanged {
            Objects.requireNonNull(route, "route");
        }
    }

    /**
     * A new import policy: re-run it over the neighbor's pre-policy Adj-RIB-In (no reset).
     *
     * @param neighbor the neighbor's address
     * @param policy the new import policy; empty means none
     */
    record ImportPolicyChanged(InetAddress neighbor, Optional<ImportPolicy> policy) implements RibCommand {
        /**
         * Rejects null parts.
         *
         * @param neighbor the neighbor's address
         * @param policy the new import policy; empty means none
         */
        public ImportPolicyChanged {
            Objects.requireNonNull(neighbor, "neighbor");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /**
     * A new export policy: re-export the Loc-RIB to the neighbor.
     *
     * @param neighbor the neighbor's address
     * @param policy the new export policy; empty means none
     */
    record ExportPolicyChanged(InetAddress neighbor, Optional<ExportPolicy> policy) implements RibCommand {
        /**
         * Rejects null parts.
         *
         * @param neighbor the neighbor's address
         * @param policy the new export policy; empty means none
         */
        public ExportPolicyChanged {
            Objects.requireNonNull(neighbor, "neighbor");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /**
     * Originate (or replace) a local route.
     *
     * @param prefix the prefix
     * @param attributes its attributes
     * @param source the kind of local route
     */
    record Originate(IpPrefix prefix, AttributeSet attributes, LocalSource source) implements RibCommand {
        /**
         * Rejects null parts.
         *
         * @param prefix the prefix
         * @param attributes its attributes
         * @param source the kind of local route
         */
        public Originate {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(attributes, "attributes");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * Stop originating a local route.
     *
     * @param prefix the prefix
     * @param source the kind it was originated as
     */
    record WithdrawLocal(IpPrefix prefix, LocalSource source) implements RibCommand {
        /**
         * Rejects null parts.
         *
         * @param prefix the prefix
         * @param source the kind it was originated as
         */
        public WithdrawLocal {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(source, "source");
        }
    }
}
