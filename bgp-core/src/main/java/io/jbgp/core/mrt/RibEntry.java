package io.jbgp.core.mrt;

import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.message.Nlri;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One path of a TABLE_DUMP_V2 RIB record (RFC 6396 §4.3.4; RFC 8050 §4 adds the path
 * identifier).
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Peer Index            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Originated Time                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Path Identifier (only in *_ADDPATH)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Attribute Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    BGP Attributes... (variable)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * The attributes are always encoded with 4-octet AS numbers (RFC 6396 §4.3.4). The MP_REACH_NLRI
 * attribute, if any, holds only the next hop there; it is not among {@code attributes} (as in
 * {@link io.jbgp.core.message.UpdateMessage}) but gives {@code nextHop} and {@code linkLocal}.
 *
 * @param peerIndex      index into the dump's {@link PeerIndexTable}
 * @param originatedTime when the collector received the path
 * @param pathId         the ADD-PATH path identifier, or {@link Nlri#NO_PATH_ID}
 * @param attributes     the path attributes, MP_REACH_NLRI excluded
 * @param nextHop        the next hop: MP_REACH_NLRI's, else NEXT_HOP's, else empty
 * @param linkLocal      the IPv6 link-local next hop, when MP_REACH_NLRI carried 32 octets
 */
public record RibEntry(int peerIndex, Instant originatedTime, long pathId, PathAttributes attributes,
                       Optional<InetAddress> nextHop, Optional<Inet6Address> linkLocal) {
    public RibEntry {
        if (peerIndex < 0 || peerIndex > 0xFFFF) {
            throw new IllegalArgumentException("peer index out of range: " + peerIndex);
        }
        Objects.requireNonNull(originatedTime, "originatedTime");
        if (pathId < Nlri.NO_PATH_ID || pathId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("path id out of range: " + pathId);
        }
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(nextHop, "nextHop");
        Objects.requireNonNull(linkLocal, "linkLocal");
    }

    /** True for entries of the RFC 8050 *_ADDPATH subtypes. */
    public boolean hasPathId() {
        return pathId != Nlri.NO_PATH_ID;
    }
}
