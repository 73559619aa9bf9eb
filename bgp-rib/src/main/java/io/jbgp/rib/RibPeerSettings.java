package io.jbgp.rib;

import io.jbgp.rib.policy.ExportPolicy;
import io.jbgp.rib.policy.ImportPolicy;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Objects;
import java.util.Optional;

/**
 * What the RIB needs to know about a neighbor beyond what the session negotiated: its policies
 * (empty means none, which RFC 8212 turns into "nothing" for eBGP) and our addresses for "next
 * hop self" in the family the session does not run over.
 *
 * @param importPolicy the import policy, if configured
 * @param exportPolicy the export policy, if configured
 * @param localV4      our IPv4 next hop towards it, when the session runs over IPv6
 * @param localV6      our IPv6 next hop towards it, when the session runs over IPv4
 * @param maxPrefixes  the most prefixes it may send (its Adj-RIB-In count, all families); beyond
 *                     it the session is reset with CEASE subcode 1 (RFC 4486 §4)
 */
public record RibPeerSettings(Optional<ImportPolicy> importPolicy, Optional<ExportPolicy> exportPolicy,
                             Optional<Inet4Address> localV4, Optional<Inet6Address> localV6,
                             java.util.OptionalLong maxPrefixes) {
    /**
     * Without a prefix limit.
     *
     * @param importPolicy the import policy, if configured
     * @param exportPolicy the export policy, if configured
     * @param localV4 our IPv4 next hop towards it, when the session runs over IPv6
     * @param localV6 our IPv6 next hop towards it, when the session runs over IPv4
     */
    public RibPeerSettings(Optional<ImportPolicy> importPolicy, Optional<ExportPolicy> exportPolicy,
                           Optional<Inet4Address> localV4, Optional<Inet6Address> localV6) {
        this(importPolicy, exportPolicy, localV4, localV6, java.util.OptionalLong.empty());
    }

    /**
     * Rejects null parts.
     *
     * @param importPolicy the import policy, if configured
     * @param exportPolicy the export policy, if configured
     * @param localV4 our IPv4 next hop towards it, when the session runs over IPv6
     * @param localV6 our IPv6 next hop towards it, when the session runs over IPv4
     * @param maxPrefixes the most prefixes it may send (its Adj-RIB-In count, all families); beyond
     *     it the session is reset with CEASE subcode 1 (RFC 4486 §4)
     */
    public RibPeerSettings {
        Objects.requireNonNull(maxPrefixes, "maxPrefixes");
        Objects.requireNonNull(importPolicy, "importPolicy");
        Objects.requireNonNull(exportPolicy, "exportPolicy");
        Objects.requireNonNull(localV4, "localV4");
        Objects.requireNonNull(localV6, "localV6");
    }

    /** No policies and no extra addresses. */
    public static final RibPeerSettings NONE = new RibPeerSettings(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /**
     * The same settings with a prefix limit.
     *
     * @param limit the most prefixes the neighbor may send, at least 1
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public RibPeerSettings withMaxPrefixes(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("max-prefix must be positive: " + limit);
        }
        return new RibPeerSettings(importPolicy, exportPolicy, localV4, localV6, java.util.OptionalLong.of(limit));
    }

    /**
     * Both policies, no extra addresses.
     *
     * @param in the import policy
     * @param out the export policy
     * @return the settings
     */
    public static RibPeerSettings of(ImportPolicy in, ExportPolicy out) {
        return new RibPeerSettings(Optional.of(in), Optional.of(out), Optional.empty(), Optional.empty());
    }
}
