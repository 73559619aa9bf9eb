package io.jbgp.core.codec;

import static io.jbgp.core.attr.AttributeFlags.OPTIONAL_NON_TRANSITIVE;
import static io.jbgp.core.attr.AttributeFlags.OPTIONAL_TRANSITIVE;
import static io.jbgp.core.attr.AttributeFlags.WELL_KNOWN;
import static io.jbgp.core.error.ErrorAction.ATTRIBUTE_DISCARD;
import static io.jbgp.core.error.ErrorAction.SESSION_RESET;
import static io.jbgp.core.error.ErrorAction.TREAT_AS_WITHDRAW;

import io.jbgp.core.attr.Aggregator;
import io.jbgp.core.attr.AtomicAggregate;
import io.jbgp.core.attr.ClusterList;
import io.jbgp.core.attr.Communities;
import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.ExtendedCommunities;
import io.jbgp.core.attr.ExtendedCommunity;
import io.jbgp.core.attr.LargeCommunities;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.core.attr.LocalPref;
import io.jbgp.core.attr.MultiExitDisc;
import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.OriginatorId;
import io.jbgp.core.attr.Otc;
import io.jbgp.core.attr.PathAttribute;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.error.ErrorAction;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The attribute table, indexed by type code (BIRD's {@code bgp_attr_table[]}): for each type we
 * know, its name, the Optional and Transitive flag bits it must carry, the RFC 7606 action for a
 * malformed value, and its codec. The UPDATE decoder is a loop over this table; all per-attribute
 * error policy lives in the rows below, each citing the section that sets it.
 * <p>
 * Common rules, applied by {@link UpdateCodec} for every row: a flag conflict is treat-as-withdraw
 * (RFC 7606 §3 (c)); a zero length is malformed except for AS_PATH and ATOMIC_AGGREGATE (RFC 7606
 * §4); a repeated attribute is discarded (RFC 7606 §3 (g)); in an UPDATE with attributes but
 * neither NLRI nor MP_REACH_NLRI, anything stronger than attribute discard becomes a session
 * reset (RFC 7606 §5.2). Rows whose codec is {@code null} (MP_REACH_NLRI, MP_UNREACH_NLRI) are
 * parsed by {@link MpNlriCodec}.
 */
final class AttributeCodecs {

    /**
     * One row of the table.
     *
     * @param typeCode the attribute type code
     * @param name     the RFC name, for logs and error details
     * @param flags    the Optional and Transitive bits the attribute must carry
     * @param onError  what a malformed value does to the UPDATE (RFC 7606 §2)
     * @param codec    the value codec, {@code null} for the MP attributes
     */
    record Descriptor(int typeCode, String name, int flags, ErrorAction onError, AttributeCodec codec) {
        boolean isOptionalTransitive() {
            return flags == OPTIONAL_TRANSITIVE;
        }
    }

    private static final Descriptor[] TABLE = new Descriptor[256];

    static {
        // RFC 7606 §7.1: wrong length or undefined value
        add(PathAttribute.ORIGIN, "ORIGIN", WELL_KNOWN, TREAT_AS_WITHDRAW,
                fixed(1, (b, i) -> Origin.fromCode(b.getUnsignedByte(i)), (a, out) -> out.writeByte(((Origin) a).code())));
        // RFC 7606 §7.2: malformed segments
        add(PathAttribute.AS_PATH, "AS_PATH", WELL_KNOWN, TREAT_AS_WITHDRAW, AsPathCodec.AS_PATH);
        // RFC 7606 §7.3: length other than 4; semantic checks are in UpdateCodec (they need the NLRI)
        add(PathAttribute.NEXT_HOP, "NEXT_HOP", WELL_KNOWN, TREAT_AS_WITHDRAW,
                fixed(4, (b, i) -> new NextHop(b.getInt(i)), (a, out) -> out.writeInt(((NextHop) a).address())));
        // RFC 7606 §7.4
        add(PathAttribute.MULTI_EXIT_DISC, "MULTI_EXIT_DISC", OPTIONAL_NON_TRANSITIVE, TREAT_AS_WITHDRAW,
                fixed(4, (b, i) -> new MultiExitDisc(b.getUnsignedInt(i)),
                        (a, out) -> out.writeInt((int) ((MultiExitDisc) a).value())));
        // RFC 7606 §7.5 (attribute discard from an external peer is a session-level policy, not ours)
        add(PathAttribute.LOCAL_PREF, "LOCAL_PREF", WELL_KNOWN, TREAT_AS_WITHDRAW,
                fixed(4, (b, i) -> new LocalPref(b.getUnsignedInt(i)),
                        (a, out) -> out.writeInt((int) ((LocalPref) a).value())));
        // RFC 7606 §7.6: length other than 0
        add(PathAttribute.ATOMIC_AGGREGATE, "ATOMIC_AGGREGATE", WELL_KNOWN, ATTRIBUTE_DISCARD,
                fixed(0, (b, i) -> AtomicAggregate.INSTANCE, (a, out) -> { }));
        // RFC 7606 §7.7: length other than 6 (2-octet AS) or 8 (4-octet AS)
        add(PathAttribute.AGGREGATOR, "AGGREGATOR", OPTIONAL_TRANSITIVE, ATTRIBUTE_DISCARD, new AggregatorCodec(false));
        // RFC 7606 §7.8: length not a non-zero multiple of 4
        add(PathAttribute.COMMUNITIES, "COMMUNITIES", OPTIONAL_TRANSITIVE, TREAT_AS_WITHDRAW,
                list(4, n -> new Community[n], (b, i) -> new Community(b.getInt(i)), Communities::communities,
                        a -> new Communities(List.of((Community[]) a)), (c, out) -> out.writeInt(((Community) c).value())));
        // RFC 7606 §7.9
        add(PathAttribute.ORIGINATOR_ID, "ORIGINATOR_ID", OPTIONAL_NON_TRANSITIVE, TREAT_AS_WITHDRAW,
                fixed(4, (b, i) -> new OriginatorId(RouterId.of(b.getInt(i))),
                        (a, out) -> out.writeInt(((OriginatorId) a).id().value())));
        // RFC 7606 §7.10: length not a non-zero multiple of 4
        add(PathAttribute.CLUSTER_LIST, "CLUSTER_LIST", OPTIONAL_NON_TRANSITIVE, TREAT_AS_WITHDRAW,
                list(4, n -> new RouterId[n], (b, i) -> RouterId.of(b.getInt(i)), ClusterList::clusterIds,
                        a -> new ClusterList(List.of((RouterId[]) a)), (c, out) -> out.writeInt(((RouterId) c).value())));
        // RFC 7606 §7.11: any error in MP_REACH_NLRI resets the session (AFI/SAFI disable is not offered)
        add(PathAttribute.MP_REACH_NLRI, "MP_REACH_NLRI", OPTIONAL_NON_TRANSITIVE, SESSION_RESET, null);
        // RFC 7606 §7.12
        add(PathAttribute.MP_UNREACH_NLRI, "MP_UNREACH_NLRI", OPTIONAL_NON_TRANSITIVE, SESSION_RESET, null);
        // RFC 7606 §7.14: length not a non-zero multiple of 8
        add(PathAttribute.EXTENDED_COMMUNITIES, "EXTENDED_COMMUNITIES", OPTIONAL_TRANSITIVE, TREAT_AS_WITHDRAW,
                list(8, n -> new ExtendedCommunity[n], (b, i) -> ExtendedCommunity.of(b.getLong(i)),
                        ExtendedCommunities::communities, a -> new ExtendedCommunities(List.of((ExtendedCommunity[]) a)),
                        (c, out) -> out.writeLong(((ExtendedCommunity) c).toLong())));
        // RFC 6793 §6: a malformed AS4_PATH is discarded (merged into AS_PATH by As4Merge)
        add(PathAttribute.AS4_PATH, "AS4_PATH", OPTIONAL_TRANSITIVE, ATTRIBUTE_DISCARD, AsPathCodec.AS4_PATH);
        // RFC 6793 §6: a malformed AS4_AGGREGATOR (length other than 8) is discarded
        add(PathAttribute.AS4_AGGREGATOR, "AS4_AGGREGATOR", OPTIONAL_TRANSITIVE, ATTRIBUTE_DISCARD,
                new AggregatorCodec(true));
        // RFC 8092 §5: length not a non-zero multiple of 12 is treat-as-withdraw
        add(PathAttribute.LARGE_COMMUNITY, "LARGE_COMMUNITY", OPTIONAL_TRANSITIVE, TREAT_AS_WITHDRAW,
                list(12, n -> new LargeCommunity[n],
                        (b, i) -> new LargeCommunity(b.getUnsignedInt(i), b.getUnsignedInt(i + 4), b.getUnsignedInt(i + 8)),
                        LargeCommunities::communities, a -> new LargeCommunities(List.of((LargeCommunity[]) a)),
                        (c, out) -> {
                            LargeCommunity l = (LargeCommunity) c;
                            out.writeInt((int) l.global()).writeInt((int) l.local1()).writeInt((int) l.local2());
                        }));
        // RFC 9234 §5: length other than 4 is treat-as-withdraw
        add(PathAttribute.OTC, "OTC", OPTIONAL_TRANSITIVE, TREAT_AS_WITHDRAW,
                fixed(4, (b, i) -> new Otc(Asn.of(b.getUnsignedInt(i))),
                        (a, out) -> out.writeInt((int) ((Otc) a).asn().value())));
    }

    private AttributeCodecs() {}

    /** The row for a type code, or {@code null} for a type we do not interpret. */
    static Descriptor get(int typeCode) {
        return TABLE[typeCode & 0xFF];
    }

    private static void add(int type, String name, int flags, ErrorAction onError, AttributeCodec codec) {
        TABLE[type] = new Descriptor(type, name, flags, onError, codec);
    }

    /** Reads a value at an index known to be in bounds. */
    private interface Reader {
        Object read(ByteBuf buf, int index);
    }

    /** Writes one value. */
    private interface Writer {
        void write(Object value, ByteBuf out);
    }

    /** A fixed-length attribute; a wrong length is an Attribute Length Error (RFC 4271 §6.3). */
    private static AttributeCodec fixed(int size, Reader reader, Writer writer) {
        return new AttributeCodec() {
            @Override
            public PathAttribute decode(ByteBuf buf, int index, int length, CodecContext ctx, UpdateErrors errors) {
                if (length != size) {
                    return errors.malformed(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR,
                            "length " + length + ", expected " + size);
                }
                PathAttribute a = (PathAttribute) reader.read(buf, index);
                if (a == null) {
                    // only ORIGIN has undefined values: RFC 4271 §6.3 Invalid ORIGIN, RFC 7606 §7.1
                    return errors.malformed(BgpError.UPDATE_INVALID_ORIGIN_ATTRIBUTE,
                            "undefined value " + buf.getUnsignedByte(index));
                }
                return a;
            }

            @Override
            public int valueLength(PathAttribute attribute, CodecContext ctx) {
                return size;
            }

            @Override
            public void encode(PathAttribute attribute, CodecContext ctx, ByteBuf out) {
                writer.write(attribute, out);
            }
        };
    }

    /**
     * A list of fixed-size items (communities, cluster IDs): the length must be a non-zero
     * multiple of the item size (RFC 7606 §7.8, §7.10, §7.14; RFC 8092 §5).
     */
    private static <A extends PathAttribute> AttributeCodec list(int itemSize, IntFunction<Object[]> array,
            Reader item, Function<A, List<?>> items, Function<Object[], A> make,
            Writer writer) {
        return new AttributeCodec() {
            @Override
            public PathAttribute decode(ByteBuf buf, int index, int length, CodecContext ctx, UpdateErrors errors) {
                if (length == 0 || length % itemSize != 0) {
                    return errors.malformed(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR,
                            "length " + length + " is not a non-zero multiple of " + itemSize);
                }
                Object[] out = array.apply(length / itemSize);
                for (int i = 0; i < out.length; i++) {
                    out[i] = item.read(buf, index + i * itemSize);
                }
                return make.apply(out);
            }

            @Override
            @SuppressWarnings("unchecked")
            public int valueLength(PathAttribute attribute, CodecContext ctx) {
                return items.apply((A) attribute).size() * itemSize;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void encode(PathAttribute attribute, CodecContext ctx, ByteBuf out) {
                for (Object o : items.apply((A) attribute)) {
                    writer.write(o, out);
                }
            }
        };
    }

    /**
     * AGGREGATOR (RFC 4271 §5.1.7; 8 octets with 4-octet AS, RFC 6793 §3) and AS4_AGGREGATOR
     * (always 8). Written to a 2-octet peer, an AS above 65535 becomes AS_TRANS.
     * <pre>
     * +----------------------------+--------------------------+
     * | AS (2 or 4 octets)         | IP address (4 octets)    |
     * +----------------------------+--------------------------+
     * </pre>
     */
    private static final class AggregatorCodec implements AttributeCodec {
        private final boolean as4;

        AggregatorCodec(boolean as4) {
            this.as4 = as4;
        }

        private int size(CodecContext ctx) {
            return as4 || ctx.fourOctetAs() ? 8 : 6;
        }

        @Override
        public PathAttribute decode(ByteBuf buf, int index, int length, CodecContext ctx, UpdateErrors errors) {
            int size = size(ctx);
            if (length != size) {
                return errors.malformed(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR,
                        "length " + length + ", expected " + size);
            }
            long asn = size == 8 ? buf.getUnsignedInt(index) : buf.getUnsignedShort(index);
            if (asn == 0 && ctx.rejectsAsZero()) {
                // RFC 7607 §2: malformed; RFC 7606 §7.7 / RFC 6793 §6: the attribute is discarded
                return errors.malformed(BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR,
                        (as4 ? "AS4_AGGREGATOR" : "AGGREGATOR") + " with AS 0 (RFC 7607)");
            }
            return new Aggregator(Asn.of(asn), RouterId.of(buf.getInt(index + size - 4)));
        }

        @Override
        public int valueLength(PathAttribute attribute, CodecContext ctx) {
            return size(ctx);
        }

        @Override
        public void encode(PathAttribute attribute, CodecContext ctx, ByteBuf out) {
            Aggregator a = (Aggregator) attribute;
            if (size(ctx) == 8) {
                out.writeInt((int) a.asn().value());
            } else {
                out.writeShort(a.asn().toTwoOctet());
            }
            out.writeInt(a.address().value());
        }
    }
}
