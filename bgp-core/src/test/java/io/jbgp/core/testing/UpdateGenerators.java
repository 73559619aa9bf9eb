package io.jbgp.core.testing;

import static org.quicktheories.generators.Generate.booleans;
import static org.quicktheories.generators.Generate.longRange;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;

import io.jbgp.core.attr.Aggregator;
import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.AsPathSegment;
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
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.attr.UnknownAttribute;
import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.MpUnreach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.Bytes;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.core.types.Ipv6Prefix;
import io.jbgp.core.types.RouterId;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators for UPDATE messages and their parts, shared with the other modules
 * through the bgp-core test-jar. {@link #updates(CodecContext)} yields messages that survive a
 * round trip through the wire in that context ({@code decode(encode(m)) equals m}), which rules
 * out a few things the wire cannot carry:
 * <ul>
 *   <li>path IDs exactly when the context has ADD-PATH for the family;</li>
 *   <li>no empty community lists (RFC 7606 §4 makes a zero-length attribute malformed);</li>
 *   <li>unknown attributes are optional transitive and already Partial (the writer sets Partial
 *       on every unknown transitive attribute it passes on), with type codes we do not parse;</li>
 *   <li>for a 2-octet AS context: confederation segments lead the path and hold 2-octet ASes
 *       (AS4_PATH never carries them, RFC 6793 §3), and an AGGREGATOR next to a path with 4-octet
 *       ASes has a 4-octet AS itself (otherwise RFC 6793 §4.2.3 says an OLD speaker aggregated,
 *       and AS4_PATH is ignored);</li>
 *   <li>announcements carry ORIGIN and AS_PATH, classic ones a unicast NEXT_HOP (RFC 7606 §3 (d)).</li>
 * </ul>
 * Prefixes and next hops come from the documentation ranges (203.0.113.0/24, 198.51.100.0/24,
 * 2001:db8::/32) plus 10.0.0.0/8, with arbitrary host bits below the prefix length cleared by
 * the prefix records.
 */
public final class UpdateGenerators {
    private UpdateGenerators() {}

    /** Canonical IPv4 prefixes inside 10.0.0.0/8, 198.51.100.0/24 or 203.0.113.0/24, any length 0..32. */
    public static Gen<Ipv4Prefix> ipv4Prefixes() {
        Gen<Integer> addresses = ipv4Addresses();
        return in -> Ipv4Prefix.of(addresses.generate(in), range(0, 32).generate(in));
    }

    /** IPv4 unicast addresses (as 32 bits) inside 10.0.0.0/8, 198.51.100.0/24 or 203.0.113.0/24. */
    public static Gen<Integer> ipv4Addresses() {
        return in -> {
            int base = pick(List.of(0x0A000000, 0xC6336400, 0xCB007100)).generate(in);
            int host = (int) (long) longRange(0, 0xFFFFFFFFL).generate(in);
            int fixed = base == 0x0A000000 ? 8 : 24;
            return (base & Ipv4Prefix.mask(fixed)) | (host & ~Ipv4Prefix.mask(fixed));
        };
    }

    /** Canonical IPv6 prefixes inside 2001:db8::/32, any length 0..128. */
    public static Gen<Ipv6Prefix> ipv6Prefixes() {
        return in -> {
            long hi = 0x20010DB800000000L | (longRange(0, 0xFFFFFFFFL).generate(in));
            long lo = longRange(Long.MIN_VALUE, Long.MAX_VALUE).generate(in);
            return Ipv6Prefix.of(hi, lo, range(0, 128).generate(in));
        };
    }

    /** NLRI of a family, with a path ID exactly when {@code addPath}. */
    public static Gen<Nlri> nlri(AddressFamily family, boolean addPath) {
        Gen<? extends IpPrefix> prefixes = family.equals(AddressFamily.IPV6_UNICAST) ? ipv6Prefixes() : ipv4Prefixes();
        return in -> {
            IpPrefix p = prefixes.generate(in);
            return addPath ? Nlri.of(p, longRange(0, 0xFFFFFFFFL).generate(in)) : Nlri.of(p);
        };
    }

    /** A list of 0..{@code max} NLRI. */
    public static Gen<List<Nlri>> nlriLists(AddressFamily family, boolean addPath, int max) {
        Gen<Nlri> one = nlri(family, addPath);
        return in -> {
            int n = range(0, max).generate(in);
            List<Nlri> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(one.generate(in));
            }
            return out;
        };
    }

    /**
     * AS numbers, biased to the edges: 1, AS_TRANS, 65535, 65536, 2³²−1, private ranges. Never 0:
     * RFC 7607 makes AS 0 malformed in a session (UpdateErrorTest covers that), so it does not
     * round-trip.
     */
    public static Gen<Long> asns(boolean fourOctet) {
        Gen<Long> edge = pick(fourOctet
                ? List.of(1L, 23456L, 65535L, 65536L, 4_200_000_000L, 0xFFFFFFFFL)
                : List.of(1L, 23456L, 64512L, 65535L));
        Gen<Long> any = longRange(1, fourOctet ? 0xFFFFFFFFL : 0xFFFFL);
        return edge.mix(any, 70);
    }

    /**
     * AS paths: 0..2 leading confederation segments (2-octet ASes when {@code twoOctetConfed}),
     * then 0..4 AS_SEQUENCE / AS_SET segments, each of 1..12 ASes (sometimes 255).
     */
    public static Gen<AsPath> asPaths(boolean fourOctet, boolean twoOctetConfed) {
        return in -> {
            List<AsPathSegment> segs = new ArrayList<>();
            int confed = range(0, 8).generate(in) == 0 ? range(1, 2).generate(in) : 0;
            for (int i = 0; i < confed; i++) {
                segs.add(segment(in, booleans().generate(in) ? AsPathSegment.Type.AS_CONFED_SEQUENCE
                        : AsPathSegment.Type.AS_CONFED_SET, fourOctet && !twoOctetConfed));
            }
            int n = range(0, 4).generate(in);
            for (int i = 0; i < n; i++) {
                segs.add(segment(in, range(0, 3).generate(in) == 0 ? AsPathSegment.Type.AS_SET
                        : AsPathSegment.Type.AS_SEQUENCE, fourOctet));
            }
            return AsPath.of(segs);
        };
    }

    private static AsPathSegment segment(RandomnessSource in, AsPathSegment.Type type, boolean fourOctet) {
        int size = range(0, 40).generate(in) == 0 ? 255 : range(1, 12).generate(in);
        long[] asns = new long[size];
        Gen<Long> asn = asns(fourOctet);
        for (int i = 0; i < size; i++) {
            asns[i] = asn.generate(in);
        }
        return AsPathSegment.of(type, asns);
    }

    /** 1..{@code max} standard communities, well-known ones included. */
    public static Gen<Communities> communities(int max) {
        Gen<Community> one = pick(List.of(Community.NO_EXPORT, Community.NO_ADVERTISE, Community.GRACEFUL_SHUTDOWN))
                .mix(in -> new Community((int) (long) longRange(0, 0xFFFFFFFFL).generate(in)), 80);
        return in -> new Communities(listOf(in, one, 1, max));
    }

    /** 1..{@code max} large communities (RFC 8092). */
    public static Gen<LargeCommunities> largeCommunities(int max) {
        Gen<Long> u32 = longRange(0, 0xFFFFFFFFL);
        Gen<LargeCommunity> one = in -> new LargeCommunity(u32.generate(in), u32.generate(in), u32.generate(in));
        return in -> new LargeCommunities(listOf(in, one, 1, max));
    }

    /** 1..{@code max} extended communities: typed route targets and origins, and raw ones. */
    public static Gen<ExtendedCommunities> extendedCommunities(int max) {
        Gen<ExtendedCommunity> typed = in -> {
            ExtendedCommunity.Format f = pick(List.of(ExtendedCommunity.Format.values())).generate(in);
            boolean twoAs = f == ExtendedCommunity.Format.TWO_OCTET_AS;
            long global = longRange(0, twoAs ? 0xFFFF : 0xFFFFFFFFL).generate(in);
            long local = longRange(0, twoAs ? 0xFFFFFFFFL : 0xFFFF).generate(in);
            return booleans().generate(in) ? new ExtendedCommunity.RouteTarget(f, global, local)
                    : new ExtendedCommunity.RouteOrigin(f, global, local);
        };
        // decoding a raw value gives the typed form when there is one, so generate it that way
        Gen<ExtendedCommunity> raw = in -> ExtendedCommunity.of(longRange(Long.MIN_VALUE, Long.MAX_VALUE).generate(in));
        Gen<ExtendedCommunity> one = typed.mix(raw);
        return in -> new ExtendedCommunities(listOf(in, one, 1, max));
    }

    /** Type codes no codec interprets, so they come back as {@link UnknownAttribute}. */
    public static final List<Integer> UNKNOWN_TYPES = List.of(0, 11, 12, 13, 19, 20, 21, 22, 25, 29, 33, 34, 40,
            99, 128, 200, 255);

    /** Optional transitive attributes of unknown type, Partial set, 0..300 octets of value. */
    public static Gen<UnknownAttribute> unknownAttributes() {
        return in -> {
            int type = pick(UNKNOWN_TYPES).generate(in);
            int length = range(0, 10).generate(in) == 0 ? range(256, 300).generate(in) : range(0, 20).generate(in);
            byte[] value = new byte[length];
            for (int i = 0; i < length; i++) {
                value[i] = (byte) (int) range(0, 255).generate(in);
            }
            return new UnknownAttribute(0xE0, type, Bytes.wrap(value));
        };
    }

    /**
     * Contexts: 2- or 4-octet AS, extended message or not, IPv4 and IPv6 unicast negotiated,
     * ADD-PATH (both ways) for none, one or both families.
     */
    public static Gen<CodecContext> contexts() {
        List<Set<AddressFamily>> addPath = List.of(Set.of(), Set.of(AddressFamily.IPV4_UNICAST),
                Set.of(AddressFamily.IPV6_UNICAST), Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST));
        return in -> CodecContext.DEFAULT.withFourOctetAs(booleans().generate(in))
                .withExtendedMessage(booleans().generate(in)).withAddPath(pick(addPath).generate(in));
    }

    /** Path attributes for an announcement in {@code ctx}; NEXT_HOP when {@code classic}. */
    public static Gen<PathAttributes> attributes(CodecContext ctx, boolean classic) {
        boolean four = ctx.fourOctetAs();
        return in -> {
            List<PathAttribute> a = new ArrayList<>();
            List<Integer> partial = new ArrayList<>();
            a.add(pick(List.of(Origin.values())).generate(in));
            AsPath path = asPaths(true, !four).generate(in);
            a.add(path);
            if (classic || booleans().generate(in)) {
                // a unicast next hop: 10/8, 198.51.100/24 or 203.0.113/24
                a.add(new NextHop(ipv4Addresses().generate(in)));
            }
            if (chance(in, 3)) {
                a.add(MultiExitDisc.of(longRange(0, 0xFFFFFFFFL).generate(in)));
            }
            if (chance(in, 3)) {
                a.add(LocalPref.of(longRange(0, 0xFFFFFFFFL).generate(in)));
            }
            if (chance(in, 5)) {
                a.add(AtomicAggregate.INSTANCE);
            }
            if (chance(in, 4)) {
                long asn = asns(true).generate(in);
                if (!four && needsAs4(path) && asn <= 0xFFFF) {
                    asn += 0x10000; // see the class comment: an OLD aggregator would hide AS4_PATH
                }
                a.add(new Aggregator(Asn.of(asn), RouterId.of((int) (long) longRange(0, 0xFFFFFFFFL).generate(in))));
                maybePartial(in, partial, PathAttribute.AGGREGATOR);
            }
            if (chance(in, 2)) {
                a.add(communities(12).generate(in));
                maybePartial(in, partial, PathAttribute.COMMUNITIES);
            }
            if (chance(in, 5)) {
                a.add(new OriginatorId(RouterId.of((int) (long) longRange(0, 0xFFFFFFFFL).generate(in))));
                List<RouterId> ids = new ArrayList<>();
                for (int i = range(1, 4).generate(in); i > 0; i--) {
                    ids.add(RouterId.of((int) (long) longRange(0, 0xFFFFFFFFL).generate(in)));
                }
                a.add(new ClusterList(ids));
            }
            if (chance(in, 4)) {
                a.add(extendedCommunities(6).generate(in));
                maybePartial(in, partial, PathAttribute.EXTENDED_COMMUNITIES);
            }
            if (chance(in, 4)) {
                a.add(largeCommunities(6).generate(in));
                maybePartial(in, partial, PathAttribute.LARGE_COMMUNITY);
            }
            if (chance(in, 6)) {
                a.add(new Otc(Asn.of(asns(true).generate(in))));
                maybePartial(in, partial, PathAttribute.OTC);
            }
            if (chance(in, 4)) {
                UnknownAttribute u = unknownAttributes().generate(in);
                a.add(u);
                UnknownAttribute v = unknownAttributes().generate(in);
                if (v.typeCode() != u.typeCode() && booleans().generate(in)) {
                    a.add(v);
                }
            }
            return PathAttributes.of(a, partial.stream().mapToInt(Integer::intValue).toArray());
        };
    }

    /**
     * UPDATEs that round-trip in {@code ctx} and fit its maximum length: classic withdrawals and
     * announcements, MP_REACH_NLRI (IPv6 with a global or global plus link-local next hop, or
     * IPv4) and MP_UNREACH_NLRI, End-of-RIB markers, in any combination.
     */
    public static Gen<UpdateMessage> updates(CodecContext ctx) {
        boolean ap4 = ctx.isAddPathSend(AddressFamily.IPV4_UNICAST);
        boolean ap6 = ctx.isAddPathSend(AddressFamily.IPV6_UNICAST);
        return in -> {
            if (range(0, 30).generate(in) == 0) {
                return UpdateMessage.endOfRib(booleans().generate(in) ? AddressFamily.IPV4_UNICAST
                        : AddressFamily.IPV6_UNICAST);
            }
            List<Nlri> withdrawn = nlriLists(AddressFamily.IPV4_UNICAST, ap4, 12).generate(in);
            List<Nlri> announced = nlriLists(AddressFamily.IPV4_UNICAST, ap4, 12).generate(in);
            Optional<MpReach> reach = Optional.empty();
            if (chance(in, 2)) {
                if (chance(in, 4)) {
                    reach = Optional.of(new MpReach(AddressFamily.IPV4_UNICAST,
                            RouterId.Ipv4.toInetAddress(ipv4Addresses().generate(in)), nlriLists(AddressFamily.IPV4_UNICAST, ap4, 12).generate(in)));
                } else {
                    Optional<Inet6Address> ll = booleans().generate(in)
                            ? Optional.of(v6(0xFE80000000000000L, longRange(1, Long.MAX_VALUE).generate(in)))
                            : Optional.empty();
                    reach = Optional.of(new MpReach(AddressFamily.IPV6_UNICAST,
                            v6(0x20010DB800000000L, longRange(1, Long.MAX_VALUE).generate(in)), ll,
                            nlriLists(AddressFamily.IPV6_UNICAST, ap6, 12).generate(in)));
                }
            }
            Optional<MpUnreach> unreach = Optional.empty();
            if (chance(in, 3)) {
                AddressFamily f = chance(in, 4) ? AddressFamily.IPV4_UNICAST : AddressFamily.IPV6_UNICAST;
                unreach = Optional.of(new MpUnreach(f, nlriLists(f, f.equals(AddressFamily.IPV4_UNICAST) ? ap4 : ap6, 12)
                        .generate(in)));
            }
            boolean announces = !announced.isEmpty() || reach.isPresent();
            PathAttributes attrs = announces ? attributes(ctx, !announced.isEmpty()).generate(in) : PathAttributes.EMPTY;
            return new UpdateMessage(withdrawn, attrs, reach, unreach, announced);
        };
    }

    /** Like {@link #updates} but with 100..600 prefixes, for {@code split}. */
    public static Gen<UpdateMessage> largeUpdates(CodecContext ctx) {
        boolean ap4 = ctx.isAddPathSend(AddressFamily.IPV4_UNICAST);
        boolean ap6 = ctx.isAddPathSend(AddressFamily.IPV6_UNICAST);
        return in -> {
            List<Nlri> withdrawn = listOf(in, nlri(AddressFamily.IPV4_UNICAST, ap4), 0, 600);
            List<Nlri> announced = listOf(in, nlri(AddressFamily.IPV4_UNICAST, ap4), 0, 600);
            Optional<MpReach> reach = booleans().generate(in)
                    ? Optional.of(new MpReach(AddressFamily.IPV6_UNICAST, v6(0x20010DB800000000L, 1), Optional.empty(),
                            listOf(in, nlri(AddressFamily.IPV6_UNICAST, ap6), 0, 600)))
                    : Optional.empty();
            Optional<MpUnreach> unreach = booleans().generate(in)
                    ? Optional.of(new MpUnreach(AddressFamily.IPV6_UNICAST, listOf(in, nlri(AddressFamily.IPV6_UNICAST, ap6), 0, 600)))
                    : Optional.empty();
            PathAttributes attrs = attributes(ctx, true).generate(in);
            return new UpdateMessage(withdrawn, attrs, reach, unreach, announced);
        };
    }

    private static boolean needsAs4(AsPath path) {
        for (AsPathSegment s : path.segments()) {
            for (int i = 0; i < s.size(); i++) {
                if (s.asn(i) > 0xFFFF) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean chance(RandomnessSource in, int oneIn) {
        return range(0, oneIn - 1).generate(in) == 0;
    }

    private static void maybePartial(RandomnessSource in, List<Integer> partial, int type) {
        if (chance(in, 4)) {
            partial.add(type);
        }
    }

    private static <T> List<T> listOf(RandomnessSource in, Gen<T> one, int min, int max) {
        int n = range(min, max).generate(in);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(one.generate(in));
        }
        return out;
    }

    private static Inet6Address v6(long hi, long lo) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[i + 8] = (byte) (lo >>> (56 - 8 * i));
        }
        try {
            return Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
