package io.jbgp.core.codec;

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
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.MpUnreach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.Bytes;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Golden UPDATE bodies written by hand from the RFC formats (RFC 4271 §4.3, RFC 4760, RFC 7911,
 * RFC 6793, RFC 4724), each with the record it must decode to and the octets that record must
 * encode to. The hex is spaced by field; comments name each field.
 */
final class UpdateVectors {

    /**
     * One vector.
     *
     * @param name      what it shows
     * @param ctx       the session
     * @param hex       the received body
     * @param expected  what it decodes to
     * @param reencoded what {@code expected} encodes to, when not {@code hex} itself ({@code null}: same)
     */
    record TestVector(String name, CodecContext ctx, String hex, UpdateMessage expected, String reencoded) {
        String encodedHex() {
            return (reencoded == null ? hex : reencoded).replaceAll("\\s+", "");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final CodecContext FOUR = CodecContext.DEFAULT;
    private static final CodecContext TWO = CodecContext.DEFAULT.withFourOctetAs(false);

    private static Nlri n(String prefix) {
        return Nlri.of(IpPrefix.parse(prefix));
    }

    private static Nlri n(String prefix, long pathId) {
        return Nlri.of(IpPrefix.parse(prefix), pathId);
    }

    private static InetAddress ip(String literal) {
        return IpPrefix.parseAddress(literal);
    }

    /** An eBGP announcement with the everyday attributes, 4-octet AS. */
    static final TestVector IPV4_ANNOUNCEMENT = new TestVector("IPv4 announcement", FOUR, """
            0000                         # withdrawn routes length 0
            0035                         # total path attribute length 53
            40 01 01 00                  # ORIGIN IGP
            40 02 0e 02 03 0000fde9 0000fdea 0000fdeb   # AS_PATH AS_SEQUENCE 65001 65002 65003
            40 03 04 c6336401            # NEXT_HOP 198.51.100.1
            80 04 04 00000064            # MULTI_EXIT_DISC 100
            40 05 04 000000c8            # LOCAL_PREF 200
            c0 08 08 fde90064 ffffff01   # COMMUNITIES 65001:100 NO_EXPORT
            18 cb0071                    # 203.0.113.0/24
            17 c63364                    # 198.51.100.0/23
            """.replaceAll("#[^\\n]*", ""),
            UpdateMessage.announce(PathAttributes.of(Origin.IGP, AsPath.sequence(65001, 65002, 65003),
                    NextHop.parse("198.51.100.1"), MultiExitDisc.of(100), LocalPref.of(200),
                    Communities.of(Community.of(65001, 100), Community.NO_EXPORT)),
                    List.of(n("203.0.113.0/24"), n("198.51.100.0/23"))), null);

    /** Classic withdrawals. */
    static final TestVector IPV4_WITHDRAWAL = new TestVector("IPv4 withdrawal", FOUR,
            "000a 18cb0071 20c6336401 00 0000",
            UpdateMessage.withdraw(List.of(n("203.0.113.0/24"), n("198.51.100.1/32"), n("0.0.0.0/0"))), null);

    /** RFC 4724 §2: the IPv4 unicast End-of-RIB is an UPDATE with nothing in it. */
    static final TestVector IPV4_END_OF_RIB = new TestVector("IPv4 End-of-RIB", FOUR, "0000 0000",
            UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST), null);

    /** RFC 4724 §2: other families' End-of-RIB is an empty MP_UNREACH_NLRI. */
    static final TestVector IPV6_END_OF_RIB = new TestVector("IPv6 End-of-RIB", FOUR,
            "0000 0006 80 0f 03 0002 01",
            UpdateMessage.endOfRib(AddressFamily.IPV6_UNICAST), null);

    /** RFC 4760 §3 with RFC 2545 §3: a 32-octet next hop, global then link-local. */
    static final TestVector IPV6_LINK_LOCAL = new TestVector("IPv6 MP_REACH_NLRI with link-local next hop", FOUR,
            "0000 0045"
            + " 80 0e 35 0002 01 20"                       // MP_REACH_NLRI, 53 octets, IPv6 unicast, NH 32
            + " 20010db8000000000000000000000001"           // 2001:db8::1
            + " fe800000000000000000000000000001"           // fe80::1
            + " 00"                                         // reserved
            + " 30 20010db80001"                            // 2001:db8:1::/48
            + " 40 20010db800020000"                        // 2001:db8:2::/64
            + " 40 01 01 00 40 02 06 02 01 0000fde9",        // ORIGIN IGP, AS_PATH 65001
            new UpdateMessage(List.of(), PathAttributes.of(Origin.IGP, AsPath.sequence(65001)),
                    Optional.of(new MpReach(AddressFamily.IPV6_UNICAST, ip("2001:db8::1"),
                            Optional.of((Inet6Address) ip("fe80::1")),
                            List.of(n("2001:db8:1::/48"), n("2001:db8:2::/64")))),
                    Optional.empty(), List.of()), null);

    /** RFC 4760 §3: a 16-octet next hop, with an IPv6 withdrawal in the same UPDATE. */
    static final TestVector IPV6_GLOBAL = new TestVector("IPv6 MP_REACH_NLRI and MP_UNREACH_NLRI", FOUR,
            "0000 0032"
            + " 80 0e 1a 0002 01 10 20010db8000000000000000000000001 00 20 20010db8"   // 2001:db8::/32 via 2001:db8::1
            + " 80 0f 0b 0002 01 38 20010db8ffff00"                                  // withdraw 2001:db8:ffff::/56
            + " 40 01 01 02 40 02 00",                                               // ORIGIN INCOMPLETE, empty AS_PATH
            new UpdateMessage(List.of(), PathAttributes.of(Origin.INCOMPLETE, AsPath.EMPTY),
                    Optional.of(new MpReach(AddressFamily.IPV6_UNICAST, ip("2001:db8::1"), List.of(n("2001:db8::/32")))),
                    Optional.of(new MpUnreach(AddressFamily.IPV6_UNICAST, List.of(n("2001:db8:ffff::/56")))),
                    List.of()), null);

    /** RFC 7911 §3: a path identifier before every prefix, withdrawn and announced. */
    static final TestVector ADD_PATH = new TestVector("ADD-PATH IPv4",
            FOUR.withAddPath(Set.of(AddressFamily.IPV4_UNICAST)),
            "0008 00000001 18cb0071"                       // withdraw 203.0.113.0/24 path 1
            + " 0014 40 01 01 00 40 02 06 02 01 0000fde9 40 03 04 c6336401"
            + " 00000002 18cb0071"                         // 203.0.113.0/24 path 2
            + " ffffffff 18cb0071",                        // 203.0.113.0/24 path 4294967295
            new UpdateMessage(List.of(n("203.0.113.0/24", 1)),
                    PathAttributes.of(Origin.IGP, AsPath.sequence(65001), NextHop.parse("198.51.100.1")),
                    Optional.empty(), Optional.empty(),
                    List.of(n("203.0.113.0/24", 2), n("203.0.113.0/24", 0xFFFFFFFFL))), null);

    /** RFC 7911 with RFC 4760: path identifiers inside MP_REACH_NLRI. */
    static final TestVector ADD_PATH_IPV6 = new TestVector("ADD-PATH IPv6",
            FOUR.withAddPath(Set.of(AddressFamily.IPV6_UNICAST)),
            "0000 0028 80 0e 1e 0002 01 10 20010db8000000000000000000000001 00 00000007 20 20010db8"
            + " 40 01 01 00 40 02 00",
            new UpdateMessage(List.of(), PathAttributes.of(Origin.IGP, AsPath.EMPTY),
                    Optional.of(new MpReach(AddressFamily.IPV6_UNICAST, ip("2001:db8::1"), List.of(n("2001:db8::/32", 7)))),
                    Optional.empty(), List.of()), null);

    /**
     * RFC 6793 §4.2: from a 2-octet peer, AS_TRANS (0x5ba0) in AS_PATH and AGGREGATOR, the real
     * numbers in AS4_PATH and AS4_AGGREGATOR; decoded into one 4-octet AS_PATH and AGGREGATOR,
     * and written back the same way.
     */
    static final TestVector AS4_MERGE = new TestVector("AS4_PATH and AS4_AGGREGATOR merge", TWO,
            "0000 0044"
            + " 40 01 01 00"
            + " 40 02 0a 02 04 fde9 5ba0 5ba0 fdea"                         // 65001 AS_TRANS AS_TRANS 65002
            + " 40 03 04 c6336401"
            + " 40 06 00"                                                  // ATOMIC_AGGREGATE
            + " c0 07 06 5ba0 c6336401"                                    // AGGREGATOR AS_TRANS 198.51.100.1
            + " c0 11 12 02 04 0000fde9 00030000 00030d40 0000fdea"        // AS4_PATH 65001 196608 200000 65002
            + " c0 12 08 00030000 c6336401"                                // AS4_AGGREGATOR 196608 198.51.100.1
            + " 18 cb0071",
            UpdateMessage.announce(PathAttributes.of(Origin.IGP, AsPath.sequence(65001, 196608, 200000, 65002),
                    NextHop.parse("198.51.100.1"), AtomicAggregate.INSTANCE,
                    new Aggregator(Asn.of(196608), RouterId.parse("198.51.100.1"))),
                    List.of(n("203.0.113.0/24"))), null);

    /**
     * RFC 6793 §4.2.3: AS_PATH longer than AS4_PATH (an OLD speaker prepended 65010 after the
     * last NEW one, and passed AS4_PATH on with Partial set): the leading ASes come from AS_PATH.
     * The Partial bit is remembered; the re-encoding carries the whole path in AS4_PATH.
     */
    static final TestVector AS4_SHORTER = new TestVector("AS4_PATH shorter than AS_PATH", TWO,
            "0000 0023 40 01 01 00"
            + " 40 02 08 02 03 fdf2 fde9 5ba0"                    // 65010 65001 AS_TRANS
            + " 40 03 04 c6336401"
            + " e0 11 0a 02 02 0000fde9 fa56ea01"                 // AS4_PATH, Partial: 65001 4200000001
            + " 18 cb0071",
            UpdateMessage.announce(PathAttributes.of(List.of(Origin.IGP, AsPath.sequence(65010, 65001, 4_200_000_001L),
                    NextHop.parse("198.51.100.1")), new int[] {PathAttribute.AS4_PATH}),
                    List.of(n("203.0.113.0/24"))),
            "0000 0027 40 01 01 00 40 02 08 02 03 fdf2 fde9 5ba0 40 03 04 c6336401"
            + " e0 11 0e 02 03 0000fdf2 0000fde9 fa56ea01 18 cb0071");

    /**
     * RFC 4271 §5: an unrecognized optional transitive attribute is kept and passed on with the
     * Partial bit set; an unrecognized optional non-transitive one is quietly dropped.
     */
    static final TestVector UNKNOWN_ATTRIBUTES = new TestVector("unknown attributes", FOUR,
            "0000 0018 40 01 01 00 40 02 00 40 03 04 c6336401"
            + " c0 63 03 010203"                                  // type 99, optional transitive
            + " 80 64 01 ff"                                      // type 100, optional non-transitive: dropped
            + " 18 cb0071",
            UpdateMessage.announce(PathAttributes.of(Origin.IGP, AsPath.EMPTY, NextHop.parse("198.51.100.1"),
                    new UnknownAttribute(0xC0, 99, Bytes.fromHex("010203"))), List.of(n("203.0.113.0/24"))),
            "0000 0014 40 01 01 00 40 02 00 40 03 04 c6336401 e0 63 03 010203 18 cb0071");

    /** Route reflection, typed extended communities, large communities, OTC, a Partial AGGREGATOR. */
    static final TestVector IBGP_ATTRIBUTES = new TestVector("reflected route with communities", FOUR,
            "0000 0069 40 01 01 01 40 02 06 02 01 0000fde9 40 03 04 0a000001"
            + " 40 05 04 00000064"
            + " e0 07 08 0000fde9 c6336401"                                   // AGGREGATOR, Partial
            + " 80 09 04 0a000001"                                            // ORIGINATOR_ID 10.0.0.1
            + " 80 0a 08 0a000002 0a000003"                                   // CLUSTER_LIST
            + " c0 10 18 0002fde900000064 0103c63364010007 8000000000000001"  // RT, SoO, raw
            + " c0 20 0c 0000fde9 00000001 00000002"                          // LARGE_COMMUNITY 65001:1:2
            + " c0 23 04 0000fde9"                                            // OTC 65001
            + " 18 cb0071",
            UpdateMessage.announce(PathAttributes.of(List.of(Origin.EGP, AsPath.sequence(65001), NextHop.parse("10.0.0.1"),
                    LocalPref.of(100), new Aggregator(Asn.of(65001), RouterId.parse("198.51.100.1")),
                    new OriginatorId(RouterId.parse("10.0.0.1")),
                    new ClusterList(List.of(RouterId.parse("10.0.0.2"), RouterId.parse("10.0.0.3"))),
                    new ExtendedCommunities(List.of(
                            new ExtendedCommunity.RouteTarget(ExtendedCommunity.Format.TWO_OCTET_AS, 65001, 100),
                            new ExtendedCommunity.RouteOrigin(ExtendedCommunity.Format.IPV4_ADDRESS, 0xC6336401L, 7),
                            new ExtendedCommunity.Raw(0x8000000000000001L))),
                    new LargeCommunities(List.of(new LargeCommunity(65001, 1, 2))),
                    new Otc(Asn.of(65001))), new int[] {PathAttribute.AGGREGATOR}),
                    List.of(n("203.0.113.0/24"))), null);

    /** RFC 4271 §4.3: Extended Length when the value passes 255 octets; confederation segments. */
    static final TestVector EXTENDED_LENGTH;

    static {
        StringBuilder comm = new StringBuilder();
        List<Community> list = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            comm.append(String.format("fde9%04x", i));
            list.add(Community.of(65001, i));
        }
        EXTENDED_LENGTH = new TestVector("extended length and confederation segments", TWO,
                "0000 0138 40 01 01 00"
                + " 40 02 0e 03 01 fc00 04 02 fc01 fc02 02 01 fde9"      // ( 64512 ) [ 64513 64514 ] 65001
                + " 40 03 04 c6336401"
                + " d0 08 0118 " + comm                                   // COMMUNITIES, 280 octets
                + " 18 cb0071",
                UpdateMessage.announce(PathAttributes.of(Origin.IGP,
                        AsPath.of(AsPathSegment.of(AsPathSegment.Type.AS_CONFED_SEQUENCE, 64512L),
                                AsPathSegment.of(AsPathSegment.Type.AS_CONFED_SET, 64513L, 64514L),
                                AsPathSegment.sequence(65001)),
                        NextHop.parse("198.51.100.1"), new Communities(list)), List.of(n("203.0.113.0/24"))), null);
    }

    static final List<TestVector> ALL = List.of(IPV4_ANNOUNCEMENT, IPV4_WITHDRAWAL, IPV4_END_OF_RIB, IPV6_END_OF_RIB,
            IPV6_LINK_LOCAL, IPV6_GLOBAL, ADD_PATH, ADD_PATH_IPV6, AS4_MERGE, AS4_SHORTER, UNKNOWN_ATTRIBUTES,
            IBGP_ATTRIBUTES, EXTENDED_LENGTH);

    private UpdateVectors() {}
}
