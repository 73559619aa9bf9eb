package io.jbgp.rib;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.out.UpdateSink;
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
     */
    record PeerUp(Neighbor neighbor, CodecContext codec, UpdateSink sink, Optional<ImportPolicy> importPolicy,
                  Optional<ExportPolicy> exportPolicy) implements RibCommand {
        public PeerUp {
            Objects.requireNonNull(neighbor, "neighbor");
            Objects.requireNonNull(codec, "codec");
            Objects.requireNonNull(sink, "sink");
            Objects.requireNonNull(importPolicy, "importPolicy");
            Objects.requireNonNull(exportPolicy, "exportPolicy");
        }
    }

    /** An UPDATE (or the withdrawals of a treat-as-withdraw UPDATE, RFC 7606) from a neighbor. */
    record Update(InetAddress neighbor, UpdateMessage update) implements RibCommand {
        public Update {
            Objects.requireNonNull(neighbor, "neighbor");
            Objects.requireNonNull(update, "update");
        }
    }

    /** The session left ESTABLISHED: drop its paths and its Adj-RIBs. */
    record PeerDown(InetAddress neighbor) implements RibCommand {
        public PeerDown {
            Objects.requireNonNull(neighbor, "neighbor");
        }
    }

    /** The neighbor sent ROUTE-REFRESH (RFC 2918): send it the family again. */
    record RouteRefresh(InetAddress neighbor, AddressFamily family) implements RibCommand {
        public RouteRefresh {
            Objects.requireNonNull(neighbor, "neighbor");
            Objects.requireNonNull(family, "family");
        }
    }

    /** The neighbor's transport can take data again: flush queues, resume a paused feed. */
    record PeerWritable(InetAddress neighbor) implements RibCommand {
        public PeerWritable {
            Objects.requireNonNull(neighbor, "neighbor");
        }
    }

    /** A host route appeared or disappeared: re-resolve the next hops it covers. */
    record SystemRouteChanged(SystemRoute route, boolean added) implements RibCommand {
        public SystemRouteChanged {
            Objects.requireNonNull(route, "route");
        }
    }

    /** A new import policy: re-run it over the neighbor's pre-policy Adj-RIB-In (no reset). */
    record ImportPolicyChanged(InetAddress neighbor, Optional<ImportPolicy> policy) implements RibCommand {
        public ImportPolicyChanged {
            Objects.requireNonNull(neighbor, "neighbor");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /** A new export policy: re-export the Loc-RIB to the neighbor. */
    record ExportPolicyChanged(InetAddress neighbor, Optional<ExportPolicy> policy) implements RibCommand {
        public ExportPolicyChanged {
            Objects.requireNonNull(neighbor, "neighbor");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /** Originate (or replace) a local route. */
    record Originate(IpPrefix prefix, AttributeSet attributes, LocalSource source) implements RibCommand {
        public Originate {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(attributes, "attributes");
            Objects.requireNonNull(source, "source");
        }
    }

    /** Stop originating a local route. */
    record WithdrawLocal(IpPrefix prefix, LocalSource source) implements RibCommand {
        public WithdrawLocal {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(source, "source");
        }
    }
}
