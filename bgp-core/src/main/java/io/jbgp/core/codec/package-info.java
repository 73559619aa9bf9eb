/**
 * DOC: the wire format, from Netty {@code ByteBuf}s to messages and back.
 *
 * <p>{@link io.jbgp.core.codec.MessageReader} decodes one framed message, header included, into a
 * {@link io.jbgp.core.codec.DecodeResult}; {@link io.jbgp.core.codec.MessageWriter} encodes one.
 * Per-message codecs ({@code OpenCodec}, {@link io.jbgp.core.codec.UpdateCodec},
 * {@code NotificationCodec}, {@code RouteRefreshCodec}) do the bodies. Attributes go through a
 * table indexed by type code ({@code AttributeCodecs}, as BIRD's {@code bgp_attr_table[]}): each
 * row gives the flags the type must carry, the RFC 7606 action for a malformed value and the
 * value codec, so the per-attribute error policy is in one place. Capabilities use the same
 * pattern ({@code CapabilityCodecs}), prefixes {@code NlriCodec} and {@code MpNlriCodec}.
 *
 * <p>Every call takes a {@link io.jbgp.core.codec.CodecContext}: what the OPEN exchange
 * negotiated that changes the bytes (2- or 4-octet AS, maximum length 4096 or 65535 with RFC
 * 8654, ADD-PATH per family). The codec never reads session state of its own.
 *
 * <p>Error handling follows RFC 7606: decoding never throws on peer input. A malformed UPDATE
 * becomes {@code Ok} with attributes discarded, {@code TreatAsWithdraw} with every prefix it
 * carried withdrawn, or {@code Failed} with the exact NOTIFICATION code, subcode and data to
 * send; when several errors meet, the strongest action wins (RFC 7606 §3 (g)). Our own messages
 * that do not fit are a caller bug ({@link IllegalArgumentException}); large UPDATEs are split
 * beforehand with {@code UpdateCodec.split}.
 *
 * <p>Buffers: the reader moves the frame's reader index but neither retains nor releases it, and
 * decoded messages copy what they keep, so the caller releases the frame as soon as
 * {@code read} returns. The writer appends to the caller's buffer and frees its own scratch
 * buffers.
 *
 * <p>Threading: stateless static functions and immutable tables; safe from any thread.
 *
 * <p>What it does not do: no framing of a TCP stream (bgp-netty's frame decoder finds message
 * boundaries and calls {@code checkHeader}), no I/O, and no decisions that need the FSM.
 */
package io.jbgp.core.codec;
