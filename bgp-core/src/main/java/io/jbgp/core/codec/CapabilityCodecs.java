package io.jbgp.core.codec;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.Capability.AddPath;
import io.jbgp.core.message.Capability.BgpRole;
import io.jbgp.core.message.Capability.EnhancedRouteRefresh;
import io.jbgp.core.message.Capability.ExtendedMessage;
import io.jbgp.core.message.Capability.FourOctetAs;
import io.jbgp.core.message.Capability.GracefulRestart;
import io.jbgp.core.message.Capability.Hostname;
import io.jbgp.core.message.Capability.MultiProtocol;
import io.jbgp.core.message.Capability.RouteRefresh;
import io.jbgp.core.message.Capability.UnknownCapability;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.Bytes;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The capability table: one {@link CapabilityCodec} per code, like BIRD's {@code bgp_caps[]}.
 * Codes without an entry decode to {@link UnknownCapability}, keeping the value as bytes.
 *
 * <p>Error policy for a known capability whose value has the wrong shape (wrong length, a
 * truncated entry): OPEN Message Error / unspecific (subcode 0) with empty data, which is what
 * FRR does ({@code BGP_NOTIFY_OPEN_MALFORMED_ATTR} in {@code bgp_capability_parse}). OpenBGPD
 * instead logs and ignores such a capability; we prefer the reset, because a peer that
 * mis-encodes the capability it depends on (4-octet AS, Multiprotocol) would otherwise get a
 * session that silently means something else. The exceptions are values an RFC tells us to
 * ignore, which are kept as {@link UnknownCapability} instead:
 * <ul>
 * <li>ADD-PATH with a Send/Receive value other than 1..3 (RFC 7911 §4: "treated as not
 *     understood and ignored");</li>
 * <li>BGP Role with an unassigned role value: RFC 9234 §4.2 handles it as a role mismatch when a
 *     local role is configured, which is the OPEN validator's decision, not the codec's;</li>
 * <li>the FQDN capability (code 73, not an RFC) when its inner lengths do not add up or the text
 *     is not UTF-8: never worth a session reset.</li>
 * </ul>
 */
final class CapabilityCodecs {
    private static final CapabilityCodec<?>[] TABLE = new CapabilityCodec<?>[256];

    static {
        // RFC 4760 §8: AFI (2), Reserved (1), SAFI (1)
        register(Capability.MULTIPROTOCOL, MultiProtocol.class, (code, v) -> {
            expectLength(code, v, 4);
            int afi = v.readUnsignedShort();
            v.skipBytes(1); // reserved: sent as 0, ignored on receipt
            return new MultiProtocol(AddressFamily.of(afi, v.readUnsignedByte()));
        }, (c, out) -> {
            out.writeShort(c.family().afi());
            out.writeByte(0);
            out.writeByte(c.family().safi());
        });
        // RFC 2918 §2, RFC 7313 §3.1, RFC 8654 §3: no value
        register(Capability.ROUTE_REFRESH, RouteRefresh.class, (code, v) -> {
            expectLength(code, v, 0);
            return new RouteRefresh();
        }, (c, out) -> { });
        register(Capability.ENHANCED_ROUTE_REFRESH, EnhancedRouteRefresh.class, (code, v) -> {
            expectLength(code, v, 0);
            return new EnhancedRouteRefresh();
        }, (c, out) -> { });
        register(Capability.EXTENDED_MESSAGE, ExtendedMessage.class, (code, v) -> {
            expectLength(code, v, 0);
            return new ExtendedMessage();
        }, (c, out) -> { });
        // RFC 6793 §3: the 4-octet AS
        register(Capability.FOUR_OCTET_AS, FourOctetAs.class, (code, v) -> {
            expectLength(code, v, 4);
            return new FourOctetAs(Asn.of(v.readUnsignedInt()));
        }, (c, out) -> out.writeInt((int) c.asn().value()));
        register(Capability.GRACEFUL_RESTART, GracefulRestart.class, CapabilityCodecs::decodeGracefulRestart,
                CapabilityCodecs::encodeGracefulRestart);
        register(Capability.ADD_PATH, AddPath.class, CapabilityCodecs::decodeAddPath, (c, out) -> {
            for (AddPath.Entry e : c.entries()) {
                out.writeShort(e.family().afi());
                out.writeByte(e.family().safi());
                out.writeByte(e.mode().code());
            }
        });
        // RFC 9234 §4.1: one octet
        register(Capability.BGP_ROLE, BgpRole.class, (code, v) -> {
            expectLength(code, v, 1);
            Capability.Role role = Capability.Role.fromCode(v.getUnsignedByte(v.readerIndex()));
            return role == null ? unknown(code, v) : consumed(v, new BgpRole(role));
        }, (c, out) -> out.writeByte(c.role().code()));
        register(Capability.HOSTNAME, Hostname.class, CapabilityCodecs::decodeHostname,
                CapabilityCodecs::encodeHostname);
    }

    private CapabilityCodecs() {}

    /** Decodes one capability value (the whole slice); unknown codes keep their bytes. */
    static Capability decode(int code, ByteBuf value) {
        CapabilityCodec<?> codec = TABLE[code];
        return codec == null ? unknown(code, value) : codec.decode(code, value);
    }

    /** Writes a capability's value (no code, no length). */
    static void encode(Capability capability, ByteBuf out) {
        if (capability instanceof UnknownCapability u) {
            out.writeBytes(u.value().unsafeArray());
            return;
        }
        encodeWith(TABLE[capability.code()], capability, out);
    }

    private static <C extends Capability> void encodeWith(CapabilityCodec<C> codec, Capability c, ByteBuf out) {
        if (codec == null || !codec.type().isInstance(c)) {
            throw new IllegalStateException("encode: no codec for capability " + c);
        }
        codec.encode(codec.type().cast(c), out);
    }

    /**
     * RFC 4724 §3: Restart Flags (4 bits), Restart Time (12 bits), then per AFI/SAFI: AFI (2),
     * SAFI (1), Flags (1). Length 2 alone is valid: the speaker only supports End-of-RIB.
     */
    private static Capability decodeGracefulRestart(int code, ByteBuf v) {
        if (v.readableBytes() < 2 || (v.readableBytes() - 2) % 4 != 0) {
            throw malformed(code, v, "2 + 4n");
        }
        int header = v.readUnsignedShort();
        List<GracefulRestart.Family> families = new ArrayList<>();
        while (v.isReadable()) {
            AddressFamily family = AddressFamily.of(v.readUnsignedShort(), v.readUnsignedByte());
            families.add(new GracefulRestart.Family(family, v.readUnsignedByte()));
        }
        return new GracefulRestart(header >>> 12, header & 0xFFF, families);
    }

    private static void encodeGracefulRestart(GracefulRestart c, ByteBuf out) {
        out.writeShort(c.restartFlags() << 12 | c.restartTime());
        for (GracefulRestart.Family f : c.families()) {
            out.writeShort(f.family().afi());
            out.writeByte(f.family().safi());
            out.writeByte(f.flags());
        }
    }

    /** RFC 7911 §4: per AFI/SAFI: AFI (2), SAFI (1), Send/Receive (1). */
    private static Capability decodeAddPath(int code, ByteBuf v) {
        if (v.readableBytes() % 4 != 0) {
            throw malformed(code, v, "4n");
        }
        int start = v.readerIndex();
        List<AddPath.Entry> entries = new ArrayList<>();
        while (v.isReadable()) {
            AddressFamily family = AddressFamily.of(v.readUnsignedShort(), v.readUnsignedByte());
            AddPath.Mode mode = AddPath.Mode.fromCode(v.readUnsignedByte());
            if (mode == null) {
                // RFC 7911 §4: any other Send/Receive value: capability not understood, ignored
                v.readerIndex(start);
                return unknown(code, v);
            }
            entries.add(new AddPath.Entry(family, mode));
        }
        return new AddPath(entries);
    }

    /**
     * draft-walton-bgp-hostname-capability: Hostname Length (1), Hostname, Domain Name Length (1),
     * Domain Name. Anything that does not parse exactly is kept as bytes (see the class comment).
     */
    private static Capability decodeHostname(int code, ByteBuf v) {
        int start = v.readerIndex();
        int total = v.readableBytes();
        if (total < 2) {
            return unknown(code, v);
        }
        int hostLen = v.getUnsignedByte(start);
        if (1 + hostLen + 1 > total || 1 + hostLen + 1 + v.getUnsignedByte(start + 1 + hostLen) != total) {
            return unknown(code, v);
        }
        int domainLen = v.getUnsignedByte(start + 1 + hostLen);
        String host = utf8(v, start + 1, hostLen);
        String domain = utf8(v, start + 2 + hostLen, domainLen);
        if (host == null || domain == null) {
            return unknown(code, v);
        }
        return consumed(v, new Hostname(host, domain));
    }

    private static void encodeHostname(Hostname c, ByteBuf out) {
        byte[] host = c.hostname().getBytes(StandardCharsets.UTF_8);
        byte[] domain = c.domain().getBytes(StandardCharsets.UTF_8);
        if (host.length > 255 || domain.length > 255) {
            throw new IllegalArgumentException("hostname capability: names are at most 255 octets: " + c);
        }
        out.writeByte(host.length).writeBytes(host);
        out.writeByte(domain.length).writeBytes(domain);
    }

    /** Strict UTF-8, or null, so that a decoded name always re-encodes to the same octets. */
    private static String utf8(ByteBuf v, int index, int length) {
        byte[] bytes = new byte[length];
        v.getBytes(index, bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static UnknownCapability unknown(int code, ByteBuf v) {
        byte[] bytes = new byte[v.readableBytes()];
        v.readBytes(bytes);
        return new UnknownCapability(code, Bytes.wrap(bytes));
    }

    private static Capability consumed(ByteBuf v, Capability c) {
        v.skipBytes(v.readableBytes());
        return c;
    }

    private static void expectLength(int code, ByteBuf v, int length) {
        if (v.readableBytes() != length) {
            throw malformed(code, v, Integer.toString(length));
        }
    }

    private static DecodeException malformed(int code, ByteBuf v, String expected) {
        return new DecodeException(BgpError.OPEN_UNSPECIFIC,
                "capability " + code + ": length " + v.readableBytes() + ", expected " + expected);
    }

    private static <C extends Capability> void register(int code, Class<C> type,
            BiFunction<Integer, ByteBuf, Capability> decoder, BiConsumer<C, ByteBuf> encoder) {
        TABLE[code] = new CapabilityCodec<C>() {
            @Override
            public Class<C> type() {
                return type;
            }

            @Override
            public Capability decode(int c, ByteBuf value) {
                return decoder.apply(c, value);
            }

            @Override
            public void encode(C capability, ByteBuf out) {
                encoder.accept(capability, out);
            }
        };
    }
}
