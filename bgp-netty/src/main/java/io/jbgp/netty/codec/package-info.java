/**
 * DOC: the Netty side of the codec (STYLE §4).
 *
 * <p>Pipeline, inbound: {@link io.jbgp.netty.codec.BgpFrameDecoder} cuts the stream at the
 * RFC 4271 §4.1 length field and emits retained slices (or one
 * {@link io.jbgp.netty.codec.FramingError}, then discards everything);
 * {@link io.jbgp.netty.codec.BgpMessageDecoder} turns each frame into a
 * {@link io.jbgp.core.message.BgpMessage} or the {@link io.jbgp.core.codec.DecodeResult} error
 * value. Outbound, {@link io.jbgp.netty.codec.BgpMessageEncoder} writes messages. Errors travel as
 * pipeline messages, never as exceptions, because each maps to an exact NOTIFICATION.
 *
 * <p>Invariants: no decoded value holds a {@code ByteBuf}; every frame is released exactly once
 * (by {@code MessageToMessageDecoder}); the codec context is swapped only on the channel's event
 * loop, between two frames, when the FSM reports {@code Negotiated}. None of these handlers is
 * {@code @Sharable}.
 */
package io.jbgp.netty.codec;
