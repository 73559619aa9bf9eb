/**
 * DOC: MRT reader (RFC 6396, with the RFC 8050 ADD-PATH subtypes).
 *
 * <p>MRT is how route collectors (RIPE RIS, RouteViews) and BGP daemons record BGP: update
 * streams as BGP4MP records (every message a collector received, with the peer it came from)
 * and table snapshots as TABLE_DUMP_V2 (a peer index, then one record per prefix with one entry
 * per peer's path). This package reads them, for tests, benchmarks and replay: real data is the
 * best test input a BGP codec can get.
 *
 * <p>{@link io.jbgp.core.mrt.MrtReader} is an iterator over {@link io.jbgp.core.mrt.MrtRecord}s
 * read from an {@code InputStream}. It streams: one record is in memory at a time, so a full
 * table of several hundred MiB iterates in constant memory. It does not open files or
 * decompress; the caller wraps the file in {@code GZIPInputStream} or a bzip2 stream.
 *
 * <p>What is decoded:
 * <ul>
 *   <li>BGP4MP and BGP4MP_ET (RFC 6396 §4.4, §3): the message subtypes become
 *       {@link io.jbgp.core.mrt.Bgp4mpMessage}, which keeps the BGP message as its wire octets
 *       (round-trip tests and codec benchmarks need exactly those); the subtype implies the
 *       {@link io.jbgp.core.codec.CodecContext} and {@link io.jbgp.core.mrt.Bgp4mpCodec#decodeMessage}
 *       decodes with it. State changes become {@link io.jbgp.core.mrt.Bgp4mpStateChange}.</li>
 *   <li>TABLE_DUMP_V2 (RFC 6396 §4.3): {@link io.jbgp.core.mrt.PeerIndexTable} and, for the
 *       unicast and multicast RIB subtypes and their ADD-PATH forms,
 *       {@link io.jbgp.core.mrt.RibEntries} with decoded path attributes. The abbreviated
 *       MP_REACH_NLRI of RIB entries (RFC 6396 §4.3.4) is turned into a next hop here, since it
 *       is no valid UPDATE attribute.</li>
 *   <li>Anything else (TABLE_DUMP v1, RIB_GENERIC, OSPF, ISIS) is a
 *       {@link io.jbgp.core.mrt.MrtRecord.Skipped} with the reason.</li>
 * </ul>
 *
 * <p>Invariants: iteration never throws on the file's contents. A body that does not parse is a
 * {@link io.jbgp.core.mrt.MrtRecord.Malformed} and reading goes on, since the common header
 * still frames the stream; input ending (or failing) inside a record is a final
 * {@link io.jbgp.core.mrt.MrtRecord.Truncated}. Every record is an immutable value holding no
 * {@code ByteBuf}. Readers are single-threaded. Nothing here is null unless documented.
 *
 * <p>What it does not do: write MRT, follow the PEER_INDEX_TABLE to attach peers to RIB
 * entries (the reader keeps the last table for callers that want it), or decode the BGP
 * message of a BGP4MP record unless asked.
 */
package io.jbgp.core.mrt;
