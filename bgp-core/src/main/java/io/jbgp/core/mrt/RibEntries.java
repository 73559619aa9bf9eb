package io.jbgp.core.mrt;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A TABLE_DUMP_V2 RIB record for one prefix: subtypes RIB_IPV4_UNICAST, RIB_IPV4_MULTICAST,
 * RIB_IPV6_UNICAST, RIB_IPV6_MULTICAST (RFC 6396 §4.3.2) and their RFC 8050 *_ADDPATH forms.
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Sequence Number                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Prefix Length |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Prefix (variable)                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Entry Count           |  RIB Entries (variable)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param timestamp      when the dump was taken
 * @param family         the AFI/SAFI the subtype names
 * @param addPath        true for the *_ADDPATH subtypes (each entry has a path identifier)
 * @param sequenceNumber the record's sequence number in the dump
 * @param prefix         the prefix (canonical: host bits cleared)
 * @param entries        one entry per path, as recorded
 */
public record RibEntries(Instant timestamp, AddressFamily family, boolean addPath, long sequenceNumber,
                         IpPrefix prefix, List<RibEntry> entries) implements MrtRecord {
    public RibEntries {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(prefix, "prefix");
        entries = List.copyOf(entries);
    }
}
