package io.jbgp.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.PathAttribute;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.MpUnreach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Bytes;
import io.jbgp.core.types.IpPrefix;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One example per malformed-UPDATE case of RFC 4271 §6.3 and RFC 7606, with the exact result:
 * the action (Ok with discarded attributes, treat-as-withdraw, session reset), the error, and
 * for a session reset the NOTIFICATION data.
 */
class UpdateErrorTest {
    private static final CodecContext CTX = CodecContext.DEFAULT;
    private static final String ORIGIN = "400101 00";
    private static final String AS_PATH = "400206 0201 0000fde9";
    private static final String NEXT_HOP = "400304 c6336401";
    private static final String MANDATORY = ORIGIN + AS_PATH + NEXT_HOP;
    private static final String NLRI = "18 cb0071";
    private static final String V6_REACH = "800e1a 0002 01 10 20010db8000000000000000000000001 00 20 20010db8";

    /** An UPDATE body with the two length fields computed. */
    private static String body(String withdrawn, String attributes, String nlri) {
        String w = withdrawn.replaceAll("\\s+", "");
        String a = attributes.replaceAll("\\s+", "");
        return String.format("%04x", w.length() / 2) + w + String.format("%04x", a.length() / 2) + a
                + nlri.replaceAll("\\s+", "");
    }

    private static DecodeResult decode(String hex, CodecContext ctx) {
        return UpdateCodec.decode(Unpooled.wrappedBuffer(Bytes.fromHex(hex).toArray()), ctx);
    }

    private static DecodeResult decode(String hex) {
        return decode(hex, CTX);
    }

    private static Nlri n(String prefix) {
        return Nlri.of(IpPrefix.parse(prefix));
    }

    private static final UpdateMessage WITHDRAW_NLRI = UpdateMessage.withdraw(List.of(n("203.0.113.0/24")));

    private static void assertFailed(BgpError error, String data, DecodeResult r) {
        DecodeResult.Failed f = assertInstanceOf(DecodeResult.Failed.class, r);
        assertEquals(error, f.error(), f.detail());
        assertEquals(Bytes.fromHex(data), f.data(), f.detail());
    }

    private static void assertTreatAsWithdraw(BgpError cause, UpdateMessage withdrawals, DecodeResult r) {
        DecodeResult.TreatAsWithdraw t = assertInstanceOf(DecodeResult.TreatAsWithdraw.class, r);
        assertEquals(cause, t.cause(), t.detail());
        assertEquals(withdrawals, t.withdrawals());
    }

    private static DecodeResult.Ok assertOkDiscarding(DecodeResult r, int type, BgpError cause) {
        DecodeResult.Ok ok = assertInstanceOf(DecodeResult.Ok.class, r);
        assertEquals(1, ok.discarded().size(), ok.discarded().toString());
        assertEquals(type, ok.discarded().get(0).typeCode());
        assertEquals(cause, ok.discarded().get(0).cause());
        return ok;
    }

    // ---------------------------------------------------------------- lengths

    @Test
    void bodyShorterThanTheTwoLengthFieldsIsMalformedAttributeList() {
        assertFailed(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, "", decode("0000 00"));
    }

    @Test
    void withdrawnRoutesLengthOverrunningTheMessageIsSessionReset() {
        // RFC 4271 §6.3, kept by RFC 7606 §3 (a): data is empty
        assertFailed(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, "", decode("00ff 18cb0071 0000"));
    }

    @Test
    void totalAttributeLengthOverrunningTheMessageIsSessionReset() {
        assertFailed(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, "", decode("0000 00ff " + ORIGIN));
    }

    @Test
    void attributeLengthOverrunningTheAttributesIsTreatAsWithdraw() {
        // RFC 7606 §4: AS_PATH claims 9 octets, 2 are left; the NLRI is still found
        assertTreatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, WITHDRAW_NLRI,
                decode(body("", ORIGIN + NEXT_HOP + "400209 0201", NLRI)));
    }

    @Test
    void fewerThanThreeOctetsLeftForAnAttributeIsTreatAsWithdraw() {
        // RFC 7606 §4, second case
        assertTreatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, WITHDRAW_NLRI,
                decode(body("", MANDATORY + "c008", NLRI)));
    }

    // ---------------------------------------------------------------- duplicates and flags

    @Test
    void repeatedAttributeKeepsTheFirstAndDiscardsTheRest() {
        // RFC 7606 §3 (g): the second ORIGIN (EGP) is dropped
        DecodeResult.Ok ok = assertOkDiscarding(decode(body("", MANDATORY + "400101 01", NLRI)),
                PathAttribute.ORIGIN, BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST);
        assertEquals(Optional.of(Origin.IGP), ((UpdateMessage) ok.message()).attributes().origin());
    }

    @Test
    void repeatedMpReachIsSessionReset() {
        // RFC 7606 §3 (g): Malformed Attribute List, no data
        assertFailed(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, "",
                decode(body("", V6_REACH + V6_REACH + ORIGIN + AS_PATH, "")));
    }

    @Test
    void repeatedMpUnreachIsSessionReset() {
        assertFailed(BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST, "",
                decode(body("", "800f03 000201 800f03 000201", "")));
    }

    @Test
    void wellKnownAttributeWithOptionalFlagIsTreatAsWithdraw() {
        // RFC 7606 §3 (c): ORIGIN flagged optional transitive
        assertTreatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_FLAGS_ERROR, WITHDRAW_NLRI,
                decode(body("", "c00101 00" + AS_PATH + NEXT_HOP, NLRI)));
    }

    @Test
    void optionalAttributeWithWellKnownFlagsIsTreatAsWithdraw() {
        // MULTI_EXIT_DISC flagged well-known
        assertTreatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_FLAGS_ERROR, WITHDRAW_NLRI,
                decode(body("", MANDATORY + "400404 00000064", NLRI)));
    }

    @Test
    void partialAndLowFlagBitsOnAWellKnownAttributeAreIgnored() {
        // RFC 7606 §3 (c) speaks of the Optional and Transitive bits only; RFC 4271 §4.3 says
        // the low four bits are ignored on receipt
        DecodeResult r = decode(body("", "670101 00" + AS_PATH + NEXT_HOP, NLRI));
        assertEquals(Optional.of(Origin.IGP),
                ((UpdateMessage) assertInstanceOf(DecodeResult.Ok.class, r).message()).attributes().origin());
    }

    @Test
    void unrecognizedWellKnownAttributeIsSessionResetWithTheAttributeAsData() {
        // RFC 4271 §6.3: data is the attribute (type, length, value)
        assertFailed(BgpError.UPDATE_UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE, "406302abcd",
                decode(body("", MANDATORY + "406302 abcd", NLRI)));
    }

    // ---------------------------------------------------------------- missing attributes

    @Test
    void missingOriginWithNlriIsTreatAsWithdraw() {
        // RFC 7606 §3 (d)
        assertTreatAsWithdraw(BgpError.UPDATE_MISSING_WELL_KNOWN_ATTRIBUTE, WITHDRAW_NLRI,
                decode(body("", AS_PATH + NEXT_HOP, NLRI)));
    }

    @Test
    void missingAsPathWithMpReachIsTreatAsWithdraw() {
        UpdateMessage expected = new UpdateMessage(List.of(), PathAttributes.EMPTY, Optional.empty(),
                Optional.of(new MpUnreach(AddressFamily.IPV6_UNICAST, List.of(n("2001:db8::/32")))), List.of());
        assertTreatAsWithdraw(BgpError.UPDATE_MISSING_WELL_KNOWN_ATTRIBUTE, expected,
                decode(body("", V6_REACH + ORIGIN, "")));
    }

    @Test
    void missingNextHopWithClassicNlriIsTreatAsWithdraw() {
        assertTreatAsWithdraw(BgpError.UPDATE_MISSING_WELL_KNOWN_ATTRIBUTE, WITHDRAW_NLRI,
                decode(body("", ORIGIN + AS_PATH, NLRI)));
    }

    @Test
    void noNextHopIsNeededWhenOnlyMpReachAnnounces() {
        // RFC 4760 §3
        assertInstanceOf(DecodeResult.Ok.class, decode(body("", V6_REACH + ORIGIN + AS_PATH, "")));
    }

    @Test
    void withdrawalsNeedNoAttributes() {
        assertEquals(new DecodeResult.Ok(WITHDRAW_NLRI), decode(body(NLRI, "", "")));
    }

    // ---------------------------------------------------------------- values

    @Test
    void undefinedOriginIsTreatAsWithdraw() {
        // RFC 7606 §7.1
        assertTreatAsWithdraw(BgpError.UPDATE_INVALID_ORIGIN_ATTRIBUTE, WITHDRAW_NLRI,
                decode(body("", "400101 03" + AS_PATH + NEXT_HOP, NLRI)));
    }

    @Test
    void asPathWithAnUndefinedSegmentTypeIsTreatAsWithdraw() {
        // RFC 7606 §7.2
        assertTreatAsWithdraw(BgpError.UPDATE_MALFORMED_AS_PATH, WITHDRAW_NLRI,
                decode(body("", ORIGIN + "400206 0501 0000fde9" + NEXT_HOP, NLRI)));
    }

    @Test
    void asPathSegmentOverrunningTheAttributeIsTreatAsWithdraw() {
        assertTreatAsWithdraw(BgpError.UPDATE_MALFORMED_AS_PATH, WITHDRAW_NLRI,
                decode(body("", ORIGIN + "400206 0202 0000fde9" + NEXT_HOP, NLRI)));
    }

    @Test
    void asPathSegmentOfLengthZeroIsTreatAsWithdraw() {
        assertTreatAsWithdraw(BgpError.UPDATE_MALFORMED_AS_PATH, WITHDRAW_NLRI,
                decode(body("", ORIGIN + "400208 0200 0201 0000fde9" + NEXT_HOP, NLRI)));
    }

    @Test
    void twoOctetAsPathReadWithFourOctetWidthIsTreatAsWithdraw() {
        // 02 02 fde9 fdea read as 4-octet ASes overruns
        assertTreatAsWithdraw(BgpError.UPDATE_MALFORMED_AS_PATH, WITHDRAW_NLRI,
                decode(body("", ORIGIN + "400206 0202 fde9fdea" + NEXT_HOP, NLRI)));
    }

    @Test
    void nextHopZeroIsTreatAsWithdraw() {
        // RFC 4271 §6.3 semantic error, RFC 7606 §7.3
        assertTreatAsWithdraw(BgpError.UPDATE_INVALID_NEXT_HOP_ATTRIBUTE, WITHDRAW_NLRI,
                decode(body("", ORIGIN + AS_PATH + "400304 00000000", NLRI)));
    }

    @Test
    void multicastNextHopIsTreatAsWithdraw() {
        assertTreatAsWithdraw(BgpError.UPDATE_INVALID_NEXT_HOP_ATTRIBUTE, WITHDRAW_NLRI,
                decode(body("", ORIGIN + AS_PATH + "400304 e0000001", NLRI)));
    }

    @Test
    void nextHopOfFiveOctetsIsTreatAsWithdraw() {
        assertTreatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, WITHDRAW_NLRI,
                decode(body("", ORIGIN + AS_PATH + "400305 c633640101", NLRI)));
    }

    @Test
    void loopbackNextHopIsAccepted() {
        assertInstanceOf(DecodeResult.Ok.class, decode(body("", ORIGIN + AS_PATH + "400304 7f000002", NLRI)));
    }

    @Test
    void truncatedCommunitiesAreTreatAsWithdraw() {
        // RFC 7606 §7.8: 6 octets is not a multiple of 4
        assertTreatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, WITHDRAW_NLRI,
                decode(body("", MANDATORY + "c00806 fde90064 ffff", NLRI)));
    }

    @Test
    void emptyCommunitiesAreTreatAsWithdraw() {
        // RFC 7606 §4: only AS_PATH and ATOMIC_AGGREGATE may be empty
        assertTreatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, WITHDRAW_NLRI,
                decode(body("", MANDATORY + "c00800", NLRI)));
    }

    @Test
    void truncatedLargeCommunityIsTreatAsWithdraw() {
        // RFC 8092 §5
        assertTreatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, WITHDRAW_NLRI,
                decode(body("", MANDATORY + "c02008 0000fde9 00000001", NLRI)));
    }

    @Test
    void extendedCommunitiesNotAMultipleOfEightAreTreatAsWithdraw() {
        // RFC 7606 §7.14
        assertTreatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, WITHDRAW_NLRI,
                decode(body("", MANDATORY + "c01004 0002fde9", NLRI)));
    }

    @Test
    void clusterListNotAMultipleOfFourIsTreatAsWithdraw() {
        // RFC 7606 §7.10
        assertTreatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, WITHDRAW_NLRI,
                decode(body("", MANDATORY + "800a05 0a00000100", NLRI)));
    }

    @Test
    void otcOfTwoOctetsIsTreatAsWithdraw() {
        // RFC 9234 §5
        assertTreatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, WITHDRAW_NLRI,
                decode(body("", MANDATORY + "c02302 fde9", NLRI)));
    }

    @Test
    void atomicAggregateWithAValueIsDiscarded() {
        // RFC 7606 §7.6
        DecodeResult.Ok ok = assertOkDiscarding(decode(body("", MANDATORY + "400601 00", NLRI)),
                PathAttribute.ATOMIC_AGGREGATE, BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR);
        assertEquals(UpdateMessage.announce(PathAttributes.of(Origin.IGP, AsPath.sequence(65001),
                NextHop.parse("198.51.100.1")), List.of(n("203.0.113.0/24"))), ok.message());
    }

    // ---------------------------------------------------------------- RFC 7607: AS 0

    @Test
    void asZeroInAsPathIsTreatAsWithdrawInASessionAndReadAsSentInAnArchive() {
        String asPath = "40020a 0202 0000fde9 00000000";
        String hex = body("", ORIGIN + asPath + NEXT_HOP, NLRI);
        assertTreatAsWithdraw(BgpError.UPDATE_MALFORMED_AS_PATH, WITHDRAW_NLRI, decode(hex));
        DecodeResult.Ok ok = assertInstanceOf(DecodeResult.Ok.class, decode(hex, CTX.withArchive(true)));
        assertEquals(List.of(), ok.discarded());
        // the same path without the zero is fine in a session
        assertInstanceOf(DecodeResult.Ok.class, decode(body("", ORIGIN + "40020a 0202 0000fde9 0000fdea" + NEXT_HOP, NLRI)));
    }

    @Test
    void asZeroInATwoOctetAsPathIsTreatAsWithdraw() {
        CodecContext twoOctet = CTX.withFourOctetAs(false);
        assertTreatAsWithdraw(BgpError.UPDATE_MALFORMED_AS_PATH, WITHDRAW_NLRI,
                decode(body("", ORIGIN + "400206 0202 fde9 0000" + NEXT_HOP, NLRI), twoOctet));
    }

    @Test
    void asZeroInAggregatorOrAs4PathDiscardsJustThatAttribute() {
        assertOkDiscarding(decode(body("", MANDATORY + "c00708 00000000 c6336401", NLRI)),
                PathAttribute.AGGREGATOR, BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR);
        CodecContext twoOctet = CTX.withFourOctetAs(false);
        String twoOctetMandatory = ORIGIN + "400204 0201 5ba0" + NEXT_HOP;
        assertOkDiscarding(decode(body("", twoOctetMandatory + "c0110a 0202 00030000 00000000", NLRI), twoOctet),
                PathAttribute.AS4_PATH, BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR);
        assertOkDiscarding(decode(body("", twoOctetMandatory + "c01208 00000000 c6336401", NLRI), twoOctet),
                PathAttribute.AS4_AGGREGATOR, BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR);
    }

    @Test
    void aggregatorOfTheWrongLengthIsDiscarded() {
        // RFC 7606 §7.7: 6 octets on a 4-octet AS session
        assertOkDiscarding(decode(body("", MANDATORY + "c00706 fde9c6336401", NLRI)),
                PathAttribute.AGGREGATOR, BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void as4PathBetweenFourOctetSpeakersIsDiscarded() {
        // RFC 6793 §6
        assertOkDiscarding(decode(body("", MANDATORY + "c01106 0201 00030000", NLRI)),
                PathAttribute.AS4_PATH, BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR);
    }

    @Test
    void malformedAs4PathFromATwoOctetSpeakerIsDiscardedAndAsPathKept() {
        // RFC 6793 §6: attribute discard
        CodecContext two = CTX.withFourOctetAs(false);
        DecodeResult.Ok ok = assertOkDiscarding(decode(body("", ORIGIN + "400204 0201 5ba0" + NEXT_HOP
                + "c01106 0202 00030000", NLRI), two), PathAttribute.AS4_PATH, BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR);
        assertEquals(Optional.of(AsPath.sequence(23456)), ((UpdateMessage) ok.message()).attributes().asPath());
    }

    @Test
    void as4PathIsIgnoredWhenAnOldSpeakerAggregated() {
        // RFC 6793 §4.2.3: AGGREGATOR holds a real 2-octet AS, not AS_TRANS
        CodecContext two = CTX.withFourOctetAs(false);
        DecodeResult.Ok ok = assertInstanceOf(DecodeResult.Ok.class, decode(body("", ORIGIN + "400204 0201 5ba0"
                + NEXT_HOP + "c00706 fdea c6336401 c01106 0201 00030000", NLRI), two));
        assertEquals(Optional.of(AsPath.sequence(23456)), ((UpdateMessage) ok.message()).attributes().asPath());
    }

    // ---------------------------------------------------------------- NLRI and MP

    @Test
    void nlriLongerThan32BitsIsSessionReset() {
        // RFC 4271 §6.3 Invalid Network Field, RFC 7606 §5.3: no data
        assertFailed(BgpError.UPDATE_INVALID_NETWORK_FIELD, "", decode(body("", MANDATORY, "21 cb00710000")));
    }

    @Test
    void withdrawnPrefixLongerThan32BitsIsSessionReset() {
        assertFailed(BgpError.UPDATE_INVALID_NETWORK_FIELD, "", decode(body("21 cb00710000", "", "")));
    }

    @Test
    void nlriOverrunningTheMessageIsSessionReset() {
        assertFailed(BgpError.UPDATE_INVALID_NETWORK_FIELD, "", decode(body("", MANDATORY, "18 cb00")));
    }

    @Test
    void ipv6PrefixLongerThan128BitsIsSessionResetWithTheAttributeAsData() {
        // RFC 7606 §7.11: the MP attribute is the data of the Optional Attribute Error
        String reach = "800e1a 0002 01 10 20010db8000000000000000000000001 00 81 20010db8";
        assertFailed(BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR, reach, decode(body("", reach + ORIGIN + AS_PATH, "")));
    }

    @Test
    void mpReachForAFamilyNotNegotiatedIsSessionReset() {
        // RFC 4760 §7, as OpenBGPD: Optional Attribute Error; the data is the attribute
        assertFailed(BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR, V6_REACH,
                decode(body("", V6_REACH + ORIGIN + AS_PATH, ""), CodecContext.INITIAL));
    }

    @Test
    void mpUnreachForAnUnknownFamilyIsSessionReset() {
        assertFailed(BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR, "800f03 400046", decode(body("", "800f03 400046", "")));
    }

    @Test
    void ipv6NextHopOfTwentyOctetsIsSessionReset() {
        String reach = "800e1e 0002 01 14 20010db8000000000000000000000001 00000000 00 20 20010db8";
        assertFailed(BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR, reach, decode(body("", reach + ORIGIN + AS_PATH, "")));
    }

    @Test
    void classicNlriOnASessionWithoutIpv4IsSessionReset() {
        CodecContext v6only = new CodecContext(true, false, Set.of(AddressFamily.IPV6_UNICAST), Set.of(), Set.of());
        assertFailed(BgpError.UPDATE_INVALID_NETWORK_FIELD, "", decode(body("", MANDATORY, NLRI), v6only));
    }

    // ---------------------------------------------------------------- combinations

    @Test
    void treatAsWithdrawCoversClassicAndMpPrefixes() {
        String unreach = "800f0b 0002 01 38 20010db8ffff00";
        DecodeResult r = decode(body("17 c63364", V6_REACH + unreach + MANDATORY + "c00803 000000", NLRI));
        UpdateMessage expected = new UpdateMessage(List.of(n("198.51.100.0/23"), n("203.0.113.0/24")),
                PathAttributes.EMPTY, Optional.empty(),
                Optional.of(new MpUnreach(AddressFamily.IPV6_UNICAST, List.of(n("2001:db8:ffff::/56"), n("2001:db8::/32")))),
                List.of());
        assertTreatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, expected, r);
    }

    @Test
    void ipv4MpReachPrefixesAreWithdrawnInTheClassicField() {
        String reach = "800e0d 0001 01 04 c6336401 00 18 cb0072";
        DecodeResult r = decode(body("", reach + "400101 09" + AS_PATH, ""));
        assertTreatAsWithdraw(BgpError.UPDATE_INVALID_ORIGIN_ATTRIBUTE,
                UpdateMessage.withdraw(List.of(n("203.0.114.0/24"))), r);
    }

    @Test
    void sessionResetOutranksAnEarlierTreatAsWithdraw() {
        // RFC 7606 §3 (g)... the strongest action wins
        assertFailed(BgpError.UPDATE_UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE, "406300",
                decode(body("", "400101 09" + AS_PATH + NEXT_HOP + "406300", NLRI)));
    }

    @Test
    void treatAsWithdrawOutranksAnAttributeDiscard() {
        DecodeResult r = decode(body("", MANDATORY + "400601 00" + "c00801 00", NLRI));
        assertTreatAsWithdraw(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, WITHDRAW_NLRI, r);
    }

    @Test
    void attributeErrorInAnUpdateWithoutNlriIsSessionReset() {
        // RFC 7606 §5.2: attributes but no NLRI; the malformed ORIGIN is the NOTIFICATION data
        assertFailed(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, "40010200 00", decode(body("", "400102 0000" + AS_PATH, "")));
    }

    @Test
    void attributeErrorInAWithdrawalWithAttributesIsSessionReset() {
        // withdrawn routes are not NLRI: RFC 7606 §5.2 still applies
        assertFailed(BgpError.UPDATE_ATTRIBUTE_FLAGS_ERROR, "c00101 00", decode(body(NLRI, "c00101 00", "")));
    }

    @Test
    void attributeDiscardInAnUpdateWithoutNlriStaysOk() {
        // RFC 7606 §5.2 spares attribute discard
        assertOkDiscarding(decode(body("", ORIGIN + AS_PATH + "400601 00", "")), PathAttribute.ATOMIC_AGGREGATE,
                BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void overrunWithoutNlriIsSessionResetWithTheRestAsData() {
        // RFC 7606 §4 then §5.2: the attribute that overruns is the data
        assertFailed(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, "400209 0201", decode(body("", ORIGIN + "400209 0201", "")));
    }

    @Test
    void decodeAttributesReadsABareAttributeBlock() {
        DecodeResult r = UpdateCodec.decodeAttributes(Unpooled.wrappedBuffer(Bytes.fromHex(V6_REACH + MANDATORY).toArray()),
                CTX);
        UpdateMessage u = (UpdateMessage) assertInstanceOf(DecodeResult.Ok.class, r).message();
        assertEquals(Optional.of(new MpReach(AddressFamily.IPV6_UNICAST, IpPrefix.parseAddress("2001:db8::1"),
                List.of(n("2001:db8::/32")))), u.mpReach());
        assertEquals(3, u.attributes().size());
        assertFailed(BgpError.UPDATE_UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE, "406300",
                UpdateCodec.decodeAttributes(Unpooled.wrappedBuffer(Bytes.fromHex("406300").toArray()), CTX));
    }
}
