/**
 * DOC: the BGP wire codec.
 *
 * <p>This package turns octets into the immutable records of {@code io.jbgp.core.message} and
 * back. It reads and writes Netty {@code ByteBuf}s (netty-buffer only, no channels), so the
 * transport, MRT files, benchmarks and fuzz tests all use the same code.
 *
 * <p>Entry points: {@link io.jbgp.core.codec.MessageReader#read} decodes one whole message
 * (header included) into a {@link io.jbgp.core.codec.DecodeResult};
 * {@link io.jbgp.core.codec.MessageReader#checkHeader} validates the 19-octet header for a frame
 * decoder; {@link io.jbgp.core.codec.MessageWriter#write} encodes a message. UPDATE bodies go
 * through {@link io.jbgp.core.codec.UpdateCodec}; OPEN, NOTIFICATION and ROUTE-REFRESH bodies
 * through package-private codecs, and capabilities through the {@code CapabilityCodecs} table,
 * as path attributes go through the {@code AttributeCodecs} table (BIRD's {@code bgp_caps[]}
 * and {@code bgp_attr_table[]}).
 *
 * <p>Invariants:
 * <ul>
 * <li>Every call takes a {@link io.jbgp.core.codec.CodecContext}: what the session negotiated
 *     (4-octet AS, ADD-PATH, Extended Message). The codec holds no other state and is safe to
 *     call from any thread.</li>
 * <li>Decoding never throws on peer input. Each problem maps to the NOTIFICATION code, subcode
 *     and data the RFCs ask for (RFC 4271 §6, RFC 7606 for UPDATEs, RFC 7313 §5); a single
 *     {@code try} in {@code MessageReader.read} is the safety net under all body decoders, and
 *     property tests check that the decoders never need it.</li>
 * <li>Decoding copies out: no record holds a {@code ByteBuf}; the caller keeps ownership of the
 *     frame and releases it.</li>
 * <li>Encoding our own message that breaks a limit (length over the maximum, a capability over
 *     255 octets) is a programming error: {@code IllegalArgumentException}, nothing written.</li>
 * </ul>
 *
 * <p>What it does not do: judge values (OPEN version, peer AS, hold time and identifier are the
 * FSM's {@code OpenValidator}'s business), split the byte stream into messages (the transport's
 * frame decoder), or log.
 */
package io.jbgp.core.codec;
