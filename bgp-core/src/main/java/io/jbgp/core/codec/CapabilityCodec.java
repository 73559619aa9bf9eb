package io.jbgp.core.codec;

import io.jbgp.core.message.Capability;
import io.netty.buffer.ByteBuf;

/**
 * Reads and writes the value of one capability code (RFC 5492 §4); the code and length octets
 * around it belong to {@link OpenCodec}. One instance per code in {@link CapabilityCodecs}.
 *
 * @param <C> the capability record this code decodes to
 */
interface CapabilityCodec<C extends Capability> {

    /** The record type this codec writes. */
    Class<C> type();

    /**
     * Decodes a value slice, which the codec must consume entirely. A value the RFC does not allow
     * throws {@link DecodeException}; a value the RFC says to ignore comes back as an
     * {@link Capability.UnknownCapability} so its bytes survive.
     */
    Capability decode(int code, ByteBuf value);

    /** Writes the value only (no code, no length). */
    void encode(C capability, ByteBuf out);
}
