package io.jbgp.core.mrt;

import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * TABLE_DUMP_V2 PEER_INDEX_TABLE (RFC 6396 §4.3.1): the peers of a RIB dump, which the RIB
 * records that follow refer to by index.
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Collector BGP ID                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       View Name Length        |     View Name (variable)      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Peer Count           |    Peer Entries (variable)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Peer Entry:
 * +-+-+-+-+-+-+-+-+
 * |   Peer Type   |   bit 0 (0x01): IPv6 address; bit 1 (0x02): 4-octet AS
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Peer BGP ID                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   Peer IP Address (variable: 4 or 16)         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Peer AS (variable: 2 or 4)             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param timestamp   when the dump was taken
 * @param collectorId the collector's BGP identifier
 * @param viewName    the view name, often empty (decoded as UTF-8)
 * @param peers       the peers, in index order
 */
public record PeerIndexTable(Instant timestamp, RouterId collectorId, String viewName, List<Peer> peers)
        implements MrtRecord {

    public PeerIndexTable {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(collectorId, "collectorId");
        Objects.requireNonNull(viewName, "viewName");
        peers = List.copyOf(peers);
    }

    /**
     * One peer of the table.
     *
     * @param bgpId   the peer's BGP identifier (0.0.0.0 when the collector did not know it)
     * @param address the peer's address
     * @param asn     the peer's AS
     */
    public record Peer(RouterId bgpId, InetAddress address, Asn asn) {
        public Peer {
            Objects.requireNonNull(bgpId, "bgpId");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(asn, "asn");
        }
    }
}
