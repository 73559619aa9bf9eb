package io.jbgp.core.codec;

import io.jbgp.core.attr.Aggregator;
import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.AttributeFlags;
import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.PathAttribute;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.attr.UnknownAttribute;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.MpUnreach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * UPDATE body codec (RFC 4271 §4.3), with the multiprotocol attributes of RFC 4760 for IPv4 and
 * IPv6 unicast, ADD-PATH (RFC 7911), the 4-octet AS transition (RFC 6793) and RFC 7606 error
 * handling.
 * <pre>
 * +-----------------------------------------------------+
 * |   Withdrawn Routes Length (2 octets)                |
 * +-----------------------------------------------------+
 * |   Withdrawn Routes (variable)                       |
 * +-----------------------------------------------------+
 * |   Total Path Attribute Length (2 octets)            |
 * +-----------------------------------------------------+
 * |   Path Attributes (variable)                        |
 * +-----------------------------------------------------+
 * |   Network Layer Reachability Information (variable) |
 * +-----------------------------------------------------+
 * </pre>
 * <b>Decoding</b> never throws on peer input. It returns {@link DecodeResult.Ok} (maybe with
 * discarded attributes), {@link DecodeResult.TreatAsWithdraw} or {@link DecodeResult.Failed},
 * following RFC 7606; the per-attribute policy is the table in {@link AttributeCodecs}, the
 * message-level rules are here. Anything unforeseen (an index slip) still ends as Malformed
 * Attribute List rather than an exception.
 * <p>
 * <b>Encoding</b> derives every length and flag; the only wire choices left are in
 * {@link AttributeLayout}. Unknown optional transitive attributes are passed on with the Partial
 * bit set (RFC 4271 §5); known optional transitive ones keep the Partial bit they came with.
 */
public final class UpdateCodec {
    private static final int MP_REACH = PathAttribute.MP_REACH_NLRI;
    private static final int MP_UNREACH = PathAttribute.MP_UNREACH_NLRI;

    private UpdateCodec() {}

    // ---------------------------------------------------------------- decoding

    /** Decodes an UPDATE body (the octets after the 19-octet header). Never throws on peer input. */
    public static DecodeResult decode(ByteBuf body, CodecContext ctx) {
        try {
            return decodeBody(body, ctx);
        } catch (RuntimeException e) {
            // a bounds slip we did not foresee is still a malformed UPDATE, never our crash
            return new DecodeResult.Failed(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, Bytes.EMPTY,
                    "undecodable UPDATE: " + e);
        }
    }

    /**
     * Decodes a bare path attribute block (as in an UPDATE, or an MRT RIB entry). The result, when
     * Ok, is an UpdateMessage with no classic NLRI; MP_REACH/MP_UNREACH land in its mp fields.
     * MP_REACH_NLRI must be in its full RFC 4760 form: the abbreviated form of MRT TABLE_DUMP_V2
     * RIB entries (RFC 6396 §4.3.4) is the MRT reader's to expand.
     */
    public static DecodeResult decodeAttributes(ByteBuf attributes, CodecContext ctx) {
        try {
            UpdateErrors errors = new UpdateErrors();
            Block block = readAttributes(attributes, attributes.readerIndex(), attributes.writerIndex(), ctx, errors);
            if (errors.isSessionReset()) {
                return failed(errors);
            }
            attributes.readerIndex(attributes.writerIndex());
            return finish(List.of(), block, List.of(), ctx, errors);
        } catch (RuntimeException e) {
            return new DecodeResult.Failed(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, Bytes.EMPTY,
                    "undecodable path attributes: " + e);
        }
    }

    private static DecodeResult decodeBody(ByteBuf body, CodecContext ctx) {
        int start = body.readerIndex();
        int end = body.writerIndex();
        if (end - start < 4) {
            return new DecodeResult.Failed(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, Bytes.EMPTY,
                    "UPDATE body of " + (end - start) + " octets");
        }
        // RFC 4271 §6.3: lengths that overrun the message are Malformed Attribute List, and
        // RFC 7606 §3 (a) keeps that a session reset: nothing after them can be located
        int withdrawnLength = body.getUnsignedShort(start);
        int attrLengthAt = start + 2 + withdrawnLength;
        if (attrLengthAt + 2 > end) {
            return new DecodeResult.Failed(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, Bytes.EMPTY,
                    "withdrawn routes length " + withdrawnLength + " overruns the message");
        }
        int attrStart = attrLengthAt + 2;
        int attrEnd = attrStart + body.getUnsignedShort(attrLengthAt);
        if (attrEnd > end) {
            return new DecodeResult.Failed(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, Bytes.EMPTY,
                    "total path attribute length " + (attrEnd - attrStart) + " overruns the message");
        }
        boolean v4AddPath = ctx.isAddPathReceive(AddressFamily.IPV4_UNICAST);
        // RFC 7606 §3 (h), §5.3: the withdrawn routes are checked like the NLRI
        List<Nlri> withdrawn = NlriCodec.IPV4.decode(body, start + 2, attrLengthAt, v4AddPath);
        if (withdrawn == null) {
            return new DecodeResult.Failed(BgpError.UPDATE_INVALID_NETWORK_FIELD, Bytes.EMPTY,
                    "malformed withdrawn routes");
        }
        UpdateErrors errors = new UpdateErrors();
        Block block = readAttributes(body, attrStart, attrEnd, ctx, errors);
        if (errors.isSessionReset()) {
            return failed(errors);
        }
        List<Nlri> announced = NlriCodec.IPV4.decode(body, attrEnd, end, v4AddPath);
        if (announced == null) {
            // RFC 4271 §6.3 Invalid Network Field; RFC 7606 §5.3 keeps it a session reset
            return new DecodeResult.Failed(BgpError.UPDATE_INVALID_NETWORK_FIELD, Bytes.EMPTY, "malformed NLRI");
        }
        if ((!withdrawn.isEmpty() || !announced.isEmpty()) && !ctx.families().contains(AddressFamily.IPV4_UNICAST)) {
            // classic fields carry IPv4 unicast only; OpenBGPD refuses them the same way when it is off
            return new DecodeResult.Failed(BgpError.UPDATE_INVALID_NETWORK_FIELD, Bytes.EMPTY,
                    "IPv4 unicast prefixes on a session without IPv4 unicast");
        }
        body.readerIndex(end);
        return finish(withdrawn, block, announced, ctx, errors);
    }

    /** What the attribute loop collected; one per decode call. */
    private static final class Block {
        final List<PathAttribute> attributes = new ArrayList<>(12);
        int[] partialTypes = new int[0];
        MpReach mpReach;
        MpUnreach mpUnreach;
        AsPath as4Path;
        boolean as4PathPartial;
        Aggregator as4Aggregator;
        boolean as4AggregatorPartial;

        void addPartial(int type) {
            int[] p = java.util.Arrays.copyOf(partialTypes, partialTypes.length + 1);
            p[partialTypes.length] = type;
            partialTypes = p;
        }

        PathAttribute find(int type) {
            for (PathAttribute a : attributes) {
                if (a.typeCode() == type) {
                    return a;
                }
            }
            return null;
        }

        void replace(PathAttribute old, PathAttribute with) {
            attributes.set(attributes.indexOf(old), with);
        }
    }

    /**
     * The attribute loop (OpenBGPD's {@code rde_attr_parse}): header checks, duplicates, flags and
     * unknown types here, values through the {@link AttributeCodecs} table. Stops early only on
     * a session reset or when the attribute framing is lost (RFC 7606 §4).
     */
    private static Block readAttributes(ByteBuf buf, int from, int to, CodecContext ctx, UpdateErrors errors) {
        Block block = new Block();
        long[] seen = new long[4];
        int p = from;
        while (p < to) {
            int attrStart = p;
            int flags = buf.getUnsignedByte(p);
            boolean extended = AttributeFlags.isExtendedLength(flags);
            if (to - p < (extended ? 4 : 3)) {
                // RFC 7606 §4: too few octets left for an attribute header
                errors.treatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR,
                        (to - p) + " octets left in the path attributes, too few for an attribute");
                break;
            }
            int type = buf.getUnsignedByte(p + 1);
            int length = extended ? buf.getUnsignedShort(p + 2) : buf.getUnsignedByte(p + 2);
            int value = p + (extended ? 4 : 3);
            if (value + length > to) {
                // RFC 7606 §4: the attribute overruns Total Path Attribute Length, which is trusted
                errors.treatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR,
                        name(type) + " length " + length + " overruns the path attributes");
                break;
            }
            p = value + length;
            if ((seen[type >>> 6] >>> (type & 63) & 1) != 0) {
                if (type == MP_REACH || type == MP_UNREACH) {
                    // RFC 7606 §3 (g): a repeated MP attribute resets the session
                    errors.sessionReset(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, Bytes.EMPTY, "repeated " + name(type));
                    return block;
                }
                // RFC 7606 §3 (g): all but the first occurrence are discarded
                errors.discard(type, BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, "repeated " + name(type));
                continue;
            }
            seen[type >>> 6] |= 1L << (type & 63);
            AttributeCodecs.Descriptor d = AttributeCodecs.get(type);
            if (d == null) {
                if (!AttributeFlags.isOptional(flags)) {
                    // RFC 4271 §6.3: data is the unrecognized attribute (type, length, value)
                    errors.sessionReset(BgpError.UPDATE_UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE, slice(buf, attrStart, p),
                            "unrecognized well-known attribute " + type);
                    return block;
                }
                if (AttributeFlags.isTransitive(flags)) {
                    block.attributes.add(new UnknownAttribute(flags, type, slice(buf, value, p)));
                }
                continue; // RFC 4271 §5: unrecognized optional non-transitive is quietly ignored
            }
            if ((flags & AttributeFlags.OPTIONAL_TRANSITIVE) != d.flags()) {
                // RFC 7606 §3 (c): Optional/Transitive in conflict with the type: treat-as-withdraw;
                // MP attributes are still parsed below, their prefixes are the ones to withdraw
                errors.treatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_FLAGS_ERROR,
                        String.format("%s with flags 0x%02x", d.name(), flags));
                if (d.codec() != null) {
                    continue;
                }
            }
            if (d.codec() == null) {
                if (!readMp(buf, type, value, length, ctx, errors, block)) {
                    errors.sessionReset(errors.pendingCause(), slice(buf, attrStart, p),
                            d.name() + ": " + errors.pendingDetail());
                    return block;
                }
                continue;
            }
            PathAttribute a = d.codec().decode(buf, value, length, ctx, errors);
            if (a == null) {
                errors.raise(d.onError(), type, errors.pendingCause(), slice(buf, attrStart, p),
                        d.name() + ": " + errors.pendingDetail());
                errors.clearPending();
                continue;
            }
            boolean partial = d.isOptionalTransitive() && AttributeFlags.isPartial(flags);
            if (type == PathAttribute.AS4_PATH) {
                block.as4Path = (AsPath) a;
                block.as4PathPartial = partial;
            } else if (type == PathAttribute.AS4_AGGREGATOR) {
                block.as4Aggregator = (Aggregator) a;
                block.as4AggregatorPartial = partial;
            } else {
                block.attributes.add(a);
                if (partial) {
                    block.addPartial(type);
                }
            }
        }
        return block;
    }

    private static boolean readMp(ByteBuf buf, int type, int value, int length, CodecContext ctx,
                                  UpdateErrors errors, Block block) {
        if (type == MP_REACH) {
            block.mpReach = MpNlriCodec.decodeReach(buf, value, length, ctx, errors);
            return block.mpReach != null;
        }
        block.mpUnreach = MpNlriCodec.decodeUnreach(buf, value, length, ctx, errors);
        return block.mpUnreach != null;
    }

    /** Message-level checks after the attribute loop, then the result. */
    private static DecodeResult finish(List<Nlri> withdrawn, Block block, List<Nlri> announced, CodecContext ctx,
                                       UpdateErrors errors) {
        mergeAs4(block, ctx, errors);
        if (!announced.isEmpty() || block.mpReach != null) {
            // RFC 7606 §3 (d): a missing well-known mandatory attribute is treat-as-withdraw;
            // NEXT_HOP is mandatory only for classic NLRI (RFC 4760 §3)
            checkPresent(block, PathAttribute.ORIGIN, errors);
            checkPresent(block, PathAttribute.AS_PATH, errors);
            if (!announced.isEmpty()) {
                checkPresent(block, PathAttribute.NEXT_HOP, errors);
                checkNextHop((NextHop) block.find(PathAttribute.NEXT_HOP), errors);
            }
        }
        if (errors.isTreatAsWithdraw()) {
            return new DecodeResult.TreatAsWithdraw(withdrawAll(withdrawn, block, announced), errors.cause(),
                    errors.detail());
        }
        PathAttributes attributes = PathAttributes.of(block.attributes, block.partialTypes);
        UpdateMessage update = new UpdateMessage(withdrawn, attributes, Optional.ofNullable(block.mpReach),
                Optional.ofNullable(block.mpUnreach), announced);
        return new DecodeResult.Ok(update, errors.discarded());
    }

    /**
     * RFC 6793: between two 4-octet speakers AS4_PATH and AS4_AGGREGATOR must not appear and are
     * discarded (§6); from a 2-octet speaker they are merged into AS_PATH and AGGREGATOR (§4.2.3)
     * and dropped. Their Partial bits are remembered, so that the AS4 attributes we rebuild on
     * encode carry the bit again (RFC 4271 §5: once set it stays set).
     */
    private static void mergeAs4(Block block, CodecContext ctx, UpdateErrors errors) {
        if (block.as4Path == null && block.as4Aggregator == null) {
            return;
        }
        if (ctx.fourOctetAs()) {
            if (block.as4Path != null) {
                errors.discard(PathAttribute.AS4_PATH, BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR,
                        "AS4_PATH from a 4-octet AS speaker (RFC 6793 §6)");
            }
            if (block.as4Aggregator != null) {
                errors.discard(PathAttribute.AS4_AGGREGATOR, BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR,
                        "AS4_AGGREGATOR from a 4-octet AS speaker (RFC 6793 §6)");
            }
            return;
        }
        Aggregator aggregator = (Aggregator) block.find(PathAttribute.AGGREGATOR);
        if (aggregator != null) {
            Aggregator merged = As4Merge.mergeAggregator(aggregator, block.as4Aggregator);
            if (merged == null) {
                return; // an OLD speaker aggregated: AS4_PATH and AS4_AGGREGATOR are ignored
            }
            if (merged != aggregator) {
                block.replace(aggregator, merged);
                if (block.as4AggregatorPartial) {
                    block.addPartial(PathAttribute.AS4_AGGREGATOR);
                }
            }
        }
        AsPath asPath = (AsPath) block.find(PathAttribute.AS_PATH);
        if (asPath != null && block.as4Path != null) {
            AsPath merged = As4Merge.mergePath(asPath, block.as4Path);
            if (merged != asPath) {
                block.replace(asPath, merged);
                if (block.as4PathPartial) {
                    block.addPartial(PathAttribute.AS4_PATH);
                }
            }
        }
    }

    private static void checkPresent(Block block, int type, UpdateErrors errors) {
        if (block.find(type) == null) {
            errors.treatAsWithdraw(BgpError.UPDATE_MISSING_WELL_KNOWN_ATTRIBUTE, "missing " + name(type));
        }
    }

    /**
     * RFC 4271 §6.3: a semantically incorrect NEXT_HOP is not a session error, the routes are
     * ignored; RFC 7606 §7.3 names that treat-as-withdraw. Refused: 0.0.0.0/8 ("this network")
     * and 224.0.0.0/3 (multicast, class E, broadcast). Loopback is allowed: sessions over
     * 127.0.0.0/8 are how tests and the demo peer.
     */
    private static void checkNextHop(NextHop nextHop, UpdateErrors errors) {
        if (nextHop == null) {
            return;
        }
        int a = nextHop.address();
        if ((a >>> 24) == 0 || (a >>> 29) == 7) {
            errors.treatAsWithdraw(BgpError.UPDATE_INVALID_NEXT_HOP_ATTRIBUTE, "NEXT_HOP " + nextHop + " is not a unicast address");
        }
    }

    /** RFC 7606 §2 treat-as-withdraw: every prefix the UPDATE carried, as a withdrawal. */
    private static UpdateMessage withdrawAll(List<Nlri> withdrawn, Block block, List<Nlri> announced) {
        List<Nlri> v4 = new ArrayList<>(withdrawn.size() + announced.size());
        v4.addAll(withdrawn);
        v4.addAll(announced);
        AddressFamily mpFamily = null;
        List<Nlri> mp = new ArrayList<>();
        if (block.mpUnreach != null) {
            mpFamily = add(block.mpUnreach.family(), block.mpUnreach.withdrawn(), v4, mp, mpFamily);
        }
        if (block.mpReach != null) {
            mpFamily = add(block.mpReach.family(), block.mpReach.nlri(), v4, mp, mpFamily);
        }
        Optional<MpUnreach> unreach = mpFamily == null ? Optional.empty() : Optional.of(new MpUnreach(mpFamily, mp));
        return new UpdateMessage(v4, PathAttributes.EMPTY, Optional.empty(), unreach, List.of());
    }

    private static AddressFamily add(AddressFamily family, List<Nlri> nlri, List<Nlri> v4, List<Nlri> mp,
                                     AddressFamily mpFamily) {
        if (family.equals(AddressFamily.IPV4_UNICAST)) {
            v4.addAll(nlri); // IPv4 unicast withdrawals fit the classic field
            return mpFamily;
        }
        mp.addAll(nlri); // only IPv6 unicast gets here: one MP family per UPDATE
        return family;
    }

    private static DecodeResult failed(UpdateErrors errors) {
        return new DecodeResult.Failed(errors.cause(), errors.data(), errors.detail());
    }

    private static Bytes slice(ByteBuf buf, int from, int to) {
        byte[] b = new byte[to - from];
        buf.getBytes(from, b);
        return Bytes.wrap(b);
    }

    private static String name(int type) {
        AttributeCodecs.Descriptor d = AttributeCodecs.get(type);
        return d == null ? "attribute " + type : d.name();
    }

    // ---------------------------------------------------------------- encoding

    /** Writes an UPDATE body (no header). The message must fit {@link CodecContext#maxMessageLength()}. */
    public static void encode(UpdateMessage update, CodecContext ctx, ByteBuf out) {
        encode(update, ctx, out, AttributeLayout.DEFAULT);
    }

    /**
     * Writes an UPDATE body with a chosen {@link AttributeLayout}.
     *
     * @throws IllegalArgumentException when the message does not fit the negotiated maximum
     *                                  length (see {@link #split}) or holds a prefix or next
     *                                  hop of the wrong family; {@code out} is then left as it was
     */
    public static void encode(UpdateMessage update, CodecContext ctx, ByteBuf out, AttributeLayout layout) {
        int start = out.writerIndex();
        try {
            boolean v4AddPath = ctx.isAddPathSend(AddressFamily.IPV4_UNICAST);
            out.writeShort(0); // Withdrawn Routes Length, patched below
            NlriCodec.IPV4.encode(update.withdrawn(), v4AddPath, out);
            int attrLengthAt = out.writerIndex();
            out.setShort(start, attrLengthAt - start - 2);
            out.writeShort(0); // Total Path Attribute Length, patched below
            writeAttributes(update, ctx, out, layout);
            out.setShort(attrLengthAt, out.writerIndex() - attrLengthAt - 2);
            NlriCodec.IPV4.encode(update.announced(), v4AddPath, out);
            int length = WireFormat.HEADER_LENGTH + out.writerIndex() - start;
            if (length > ctx.maxMessageLength() || attrLengthAt - start - 2 > 0xFFFF) {
                throw new IllegalArgumentException("encode: UPDATE of " + length + " octets exceeds "
                        + ctx.maxMessageLength() + "; split() it first");
            }
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    /**
     * Attributes in type-code order (RFC 4271 §5), MP attributes where the layout puts them, and
     * for a 2-octet peer the AS4 attributes at their type codes.
     */
    private static void writeAttributes(UpdateMessage update, CodecContext ctx, ByteBuf out, AttributeLayout layout) {
        PathAttributes attrs = update.attributes();
        AsPath as4Path = null;
        Aggregator as4Aggregator = null;
        if (!ctx.fourOctetAs()) {
            // RFC 6793 §4.2.2: AS_TRANS in the 2-octet fields, the real numbers in AS4_*
            AsPath path = attrs.asPath().orElse(null);
            if (path != null && As4Merge.needsAs4Path(path)) {
                as4Path = path;
            }
            PathAttribute agg = attrs.byType(PathAttribute.AGGREGATOR);
            if (agg instanceof Aggregator a && As4Merge.needsAs4Aggregator(a)) {
                as4Aggregator = a;
            }
        }
        if (layout.mpAttributesFirst()) {
            writeMp(update, ctx, out, layout);
        }
        int i = writeUpTo(attrs, 0, MP_REACH, ctx, out, layout);
        if (!layout.mpAttributesFirst()) {
            update.mpReach().ifPresent(r -> writeReach(r, ctx, out, layout));
        }
        i = writeUpTo(attrs, i, MP_UNREACH, ctx, out, layout);
        if (!layout.mpAttributesFirst()) {
            update.mpUnreach().ifPresent(u -> writeUnreach(u, ctx, out, layout));
        }
        i = writeUpTo(attrs, i, PathAttribute.AS4_PATH, ctx, out, layout);
        if (as4Path != null) {
            writeKnown(as4Path, PathAttribute.AS4_PATH, attrs.isPartial(PathAttribute.AS4_PATH), ctx, out, layout);
        }
        i = writeUpTo(attrs, i, PathAttribute.AS4_AGGREGATOR, ctx, out, layout);
        if (as4Aggregator != null) {
            writeKnown(as4Aggregator, PathAttribute.AS4_AGGREGATOR, attrs.isPartial(PathAttribute.AS4_AGGREGATOR),
                    ctx, out, layout);
        }
        writeUpTo(attrs, i, 256, ctx, out, layout);
    }

    private static void writeMp(UpdateMessage update, CodecContext ctx, ByteBuf out, AttributeLayout layout) {
        update.mpReach().ifPresent(r -> writeReach(r, ctx, out, layout));
        update.mpUnreach().ifPresent(u -> writeUnreach(u, ctx, out, layout));
    }

    /** Writes attributes from index {@code i} while their type code is below {@code limit}. */
    private static int writeUpTo(PathAttributes attrs, int i, int limit, CodecContext ctx, ByteBuf out,
                                 AttributeLayout layout) {
        for (; i < attrs.size() && attrs.get(i).typeCode() < limit; i++) {
            PathAttribute a = attrs.get(i);
            if (a instanceof UnknownAttribute u) {
                // RFC 4271 §5: an unrecognized transitive attribute is passed on with Partial set
                int flags = u.flags() | (u.isTransitive() && AttributeFlags.isOptional(u.flags()) ? AttributeFlags.PARTIAL : 0);
                writeHeader(flags, u.typeCode(), u.value().length(), out, layout);
                out.writeBytes(u.value().unsafeArray());
            } else {
                writeKnown(a, a.typeCode(), attrs.isPartial(a.typeCode()), ctx, out, layout);
            }
        }
        return i;
    }

    private static void writeKnown(PathAttribute a, int type, boolean partial, CodecContext ctx, ByteBuf out,
                                   AttributeLayout layout) {
        AttributeCodecs.Descriptor d = AttributeCodecs.get(type);
        int length = d.codec().valueLength(a, ctx);
        if (length == 0 && type != PathAttribute.AS_PATH && type != PathAttribute.ATOMIC_AGGREGATE) {
            return; // an empty list would be malformed to the receiver (RFC 7606 §4): leave it out
        }
        int flags = d.flags() | (partial && d.isOptionalTransitive() ? AttributeFlags.PARTIAL : 0);
        writeHeader(flags, type, length, out, layout);
        d.codec().encode(a, ctx, out);
    }

    private static void writeReach(MpReach reach, CodecContext ctx, ByteBuf out, AttributeLayout layout) {
        writeHeader(AttributeFlags.OPTIONAL_NON_TRANSITIVE, MP_REACH, MpNlriCodec.reachLength(reach, ctx), out, layout);
        MpNlriCodec.encodeReach(reach, ctx, out);
    }

    private static void writeUnreach(MpUnreach unreach, CodecContext ctx, ByteBuf out, AttributeLayout layout) {
        writeHeader(AttributeFlags.OPTIONAL_NON_TRANSITIVE, MP_UNREACH, MpNlriCodec.unreachLength(unreach, ctx), out,
                layout);
        MpNlriCodec.encodeUnreach(unreach, ctx, out);
    }

    /** Flags, type and a 1- or 2-octet length: Extended Length by size or by layout. */
    private static void writeHeader(int flags, int type, int length, ByteBuf out, AttributeLayout layout) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("attribute " + type + " of " + length + " octets");
        }
        boolean extended = length > 0xFF || layout.isAlwaysExtendedLength(type);
        out.writeByte((flags & ~AttributeFlags.EXTENDED_LENGTH & 0xF0) | (extended ? AttributeFlags.EXTENDED_LENGTH : 0));
        out.writeByte(type);
        if (extended) {
            out.writeShort(length);
        } else {
            out.writeByte(length);
        }
    }

    // ---------------------------------------------------------------- splitting

    /**
     * Splits an UPDATE into as few UPDATEs as fit the negotiated maximum length. Withdrawals come
     * first (classic, then MP_UNREACH_NLRI), then announcements (classic, then MP_REACH_NLRI);
     * prefixes keep their order. Every piece that announces carries the same attributes; pieces
     * that only withdraw carry none. Sizes are computed for the longest attribute layout, so the
     * pieces fit whatever {@link AttributeLayout} encodes them. An UPDATE that fits is returned
     * as it is.
     *
     * @throws IllegalArgumentException when the attributes alone leave no room for one prefix
     */
    public static List<UpdateMessage> split(UpdateMessage update, CodecContext ctx) {
        return new Splitter(update, ctx).split();
    }

    /** The greedy packer behind {@link #split}. */
    private static final class Splitter {
        /** MP_UNREACH_NLRI header with Extended Length, AFI and SAFI. */
        private static final int MP_UNREACH_SETUP = 4 + 3;
        private final UpdateMessage update;
        private final CodecContext ctx;
        private final int budget;
        private final int attributesLength;
        private final List<UpdateMessage> out = new ArrayList<>();
        // the piece being filled
        private List<Nlri> withdrawn = new ArrayList<>();
        private List<Nlri> unreach;
        private List<Nlri> announced = new ArrayList<>();
        private List<Nlri> reach;
        private boolean withAttributes;
        private int used;

        Splitter(UpdateMessage update, CodecContext ctx) {
            this.update = update;
            this.ctx = ctx;
            // the two 2-octet length fields are always there
            this.budget = ctx.maxMessageLength() - WireFormat.HEADER_LENGTH - 4;
            this.attributesLength = attributesLength(update.attributes(), ctx);
        }

        List<UpdateMessage> split() {
            if (fits()) {
                return List.of(update);
            }
            boolean v4 = ctx.isAddPathSend(AddressFamily.IPV4_UNICAST);
            for (Nlri n : update.withdrawn()) {
                place(NlriCodec.encodedLength(n, v4), () -> 0, () -> withdrawn.add(n));
            }
            update.mpUnreach().ifPresent(u -> {
                boolean ap = ctx.isAddPathSend(u.family());
                if (u.withdrawn().isEmpty()) {
                    place(0, () -> MP_UNREACH_SETUP, this::startUnreach);
                }
                for (Nlri n : u.withdrawn()) {
                    place(NlriCodec.encodedLength(n, ap), () -> unreach == null ? MP_UNREACH_SETUP : 0, () -> {
                        startUnreach();
                        unreach.add(n);
                    });
                }
            });
            for (Nlri n : update.announced()) {
                place(NlriCodec.encodedLength(n, v4), () -> withAttributes ? 0 : attributesLength, () -> {
                    withAttributes = true;
                    announced.add(n);
                });
            }
            update.mpReach().ifPresent(r -> {
                boolean ap = ctx.isAddPathSend(r.family());
                // header with Extended Length, AFI, SAFI, next hop length, next hop, reserved
                int fixed = 4 + 5 + MpNlriCodec.nextHopLength(r);
                if (r.nlri().isEmpty()) {
                    place(0, () -> fixed + attributesLength, this::startReach);
                }
                for (Nlri n : r.nlri()) {
                    place(NlriCodec.encodedLength(n, ap),
                            () -> (reach == null ? fixed : 0) + (withAttributes ? 0 : attributesLength), () -> {
                                startReach();
                                reach.add(n);
                            });
                }
            });
            if (used > 0 || out.isEmpty()) {
                flush();
            }
            return List.copyOf(out);
        }

        private void startUnreach() {
            if (unreach == null) {
                unreach = new ArrayList<>();
            }
        }

        private void startReach() {
            withAttributes = true;
            if (reach == null) {
                reach = new ArrayList<>();
            }
        }

        /**
         * Adds an item of {@code cost} octets plus {@code setup}, the cost of opening its section
         * (attributes, MP attribute header) when the piece does not have it yet; starts a new
         * piece when the item does not fit.
         */
        private void place(int cost, IntSupplier setup, Runnable add) {
            int s = setup.getAsInt();
            if (used + cost + s > budget && used > 0) {
                flush();
                s = setup.getAsInt();
            }
            if (used + cost + s > budget) {
                throw new IllegalArgumentException("split: attributes of " + attributesLength
                        + " octets leave no room for a prefix in " + ctx.maxMessageLength());
            }
            used += cost + s;
            add.run();
        }

        private void flush() {
            MpReach r = update.mpReach().orElse(null);
            MpUnreach u = update.mpUnreach().orElse(null);
            out.add(new UpdateMessage(withdrawn, withAttributes ? update.attributes() : PathAttributes.EMPTY,
                    reach == null ? Optional.empty()
                            : Optional.of(new MpReach(r.family(), r.nextHop(), r.linkLocal(), reach)),
                    unreach == null ? Optional.empty() : Optional.of(new MpUnreach(u.family(), unreach)),
                    announced));
            withdrawn = new ArrayList<>();
            announced = new ArrayList<>();
            unreach = null;
            reach = null;
            withAttributes = false;
            used = 0;
        }

        private boolean fits() {
            int n = 4 + attributesLength;
            boolean v4 = ctx.isAddPathSend(AddressFamily.IPV4_UNICAST);
            n += NlriCodec.encodedLength(update.withdrawn(), v4) + NlriCodec.encodedLength(update.announced(), v4);
            if (update.mpReach().isPresent()) {
                n += 4 + MpNlriCodec.reachLength(update.mpReach().get(), ctx);
            }
            if (update.mpUnreach().isPresent()) {
                n += 4 + MpNlriCodec.unreachLength(update.mpUnreach().get(), ctx);
            }
            return WireFormat.HEADER_LENGTH + n <= ctx.maxMessageLength();
        }

        /** The attributes (no MP), AS4 ones included, in the longest layout. */
        private static int attributesLength(PathAttributes attributes, CodecContext ctx) {
            ByteBuf scratch = Unpooled.buffer(256);
            try {
                UpdateMessage only = new UpdateMessage(List.of(), attributes, Optional.empty(), Optional.empty(), List.of());
                writeAttributes(only, ctx, scratch, AttributeLayout.ALL_EXTENDED);
                return scratch.readableBytes();
            } finally {
                scratch.release();
            }
        }
    }
}
