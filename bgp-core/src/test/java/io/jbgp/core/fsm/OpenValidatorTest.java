package io.jbgp.core.fsm;

import static io.jbgp.core.fsm.FsmFixtures.LOCAL_AS;
import static io.jbgp.core.fsm.FsmFixtures.LOCAL_ID;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_AS;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_ID;
import static io.jbgp.core.fsm.FsmFixtures.peer;
import static io.jbgp.core.fsm.FsmFixtures.peerBuilder;
import static io.jbgp.core.fsm.FsmFixtures.remoteOpen;
import static io.jbgp.core.fsm.FsmFixtures.speaker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.OptionalParameter;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.Bytes;
import io.jbgp.core.types.RouterId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 4271 §6.2, RFC 6793, RFC 6286, RFC 5492 and RFC 9234 checks on a peer's OPEN. */
class OpenValidatorTest {

    private static Optional<OpenValidator.Rejection> validate(OpenMessage remote, PeerConfig config) {
        return OpenValidator.validate(remote, Negotiation.localOpen(speaker(), config), config);
    }

    private static void assertRejected(BgpError expected, OpenMessage remote, PeerConfig config) {
        Optional<OpenValidator.Rejection> r = validate(remote, config);
        assertTrue(r.isPresent(), "accepted " + remote);
        assertEquals(expected, r.get().error(), r.get().detail());
    }

    private static OpenMessage withCaps(Asn as, int myAs, RouterId id, List<Capability> caps) {
        return new OpenMessage(4, myAs, 90, id, List.of(new OptionalParameter.Capabilities(caps)));
    }

    @Test
    void wellFormedOpenIsAccepted() {
        assertEquals(Optional.empty(), validate(remoteOpen(), peer()));
    }

    @Test
    void versionThreeIsRefusedWithOurVersionAsData() {
        OpenMessage o = new OpenMessage(3, 65002, 90, REMOTE_ID, List.of());
        Optional<OpenValidator.Rejection> r = validate(o, peer());
        assertEquals(BgpError.OPEN_UNSUPPORTED_VERSION_NUMBER, r.orElseThrow().error());
        assertEquals(Bytes.fromHex("0004"), r.get().data());
        assertEquals(BgpError.OPEN_UNSUPPORTED_VERSION_NUMBER.toNotification(new byte[] {0, 4}),
                r.get().toNotification());
    }

    @Test
    void unknownOptionalParameterIsRefused() {
        OpenMessage o = new OpenMessage(4, 65002, 90, REMOTE_ID,
                List.of(new OptionalParameter.Unknown(1, Bytes.fromHex("00"))));
        assertRejected(BgpError.OPEN_UNSUPPORTED_OPTIONAL_PARAMETER, o, peer());
    }

    @Test
    void wrongPeerAsIsRefused() {
        assertRejected(BgpError.OPEN_BAD_PEER_AS, OpenMessage.of(Asn.of(65003), 90, REMOTE_ID, List.of()), peer());
    }

    @Test
    void twoOctetPeerWithoutCapabilityIsAccepted() {
        assertEquals(Optional.empty(), validate(new OpenMessage(4, 65002, 90, REMOTE_ID, List.of()), peer()));
    }

    @Test
    void fourOctetAsComesFromTheCapabilityBehindAsTrans() {
        Asn big = Asn.of(4_200_000_001L);
        PeerConfig config = PeerConfig.builder(FsmFixtures.REMOTE_ADDRESS, big).build();
        OpenMessage good = withCaps(big, 23456, REMOTE_ID, List.of(new Capability.FourOctetAs(big)));
        assertEquals(Optional.empty(), validate(good, config));
        // RFC 6793 §4.2: a 4-octet AS needs AS_TRANS in the 2-octet field
        assertRejected(BgpError.OPEN_BAD_PEER_AS,
                withCaps(big, 65002, REMOTE_ID, List.of(new Capability.FourOctetAs(big))), config);
        // AS_TRANS without the capability cannot be our 4-octet neighbor
        assertRejected(BgpError.OPEN_BAD_PEER_AS, new OpenMessage(4, 23456, 90, REMOTE_ID, List.of()), config);
    }

    @Test
    void twoOctetFieldMustMatchASmallFourOctetCapability() {
        assertRejected(BgpError.OPEN_BAD_PEER_AS,
                withCaps(REMOTE_AS, 65009, REMOTE_ID, List.of(new Capability.FourOctetAs(REMOTE_AS))), peer());
    }

    @Test
    void zeroIdentifierIsRefused() {
        assertRejected(BgpError.OPEN_BAD_BGP_IDENTIFIER, OpenMessage.of(REMOTE_AS, 90, RouterId.of(0), List.of()),
                peer());
    }

    @Test
    void ourIdentifierIsRefusedFromAnInternalPeerOnly() {
        PeerConfig ibgp = PeerConfig.builder(FsmFixtures.REMOTE_ADDRESS, LOCAL_AS).build();
        assertRejected(BgpError.OPEN_BAD_BGP_IDENTIFIER, OpenMessage.of(LOCAL_AS, 90, LOCAL_ID, List.of()), ibgp);
        // RFC 6286 §2.2: between ASes an equal identifier is allowed
        assertEquals(Optional.empty(), validate(OpenMessage.of(REMOTE_AS, 90, LOCAL_ID, List.of()), peer()));
    }

    @Test
    void holdTimesOneAndTwoAreRefusedZeroAndThreeAccepted() {
        assertRejected(BgpError.OPEN_UNACCEPTABLE_HOLD_TIME, remoteOpen(1), peer());
        assertRejected(BgpError.OPEN_UNACCEPTABLE_HOLD_TIME, remoteOpen(2), peer());
        assertEquals(Optional.empty(), validate(remoteOpen(0), peer()));
        assertEquals(Optional.empty(), validate(remoteOpen(3), peer()));
    }

    @Test
    void missingRequiredCapabilityIsReportedWithTheCapability() {
        PeerConfig config = peerBuilder().requireCapability(Capability.ROUTE_REFRESH)
                .requireCapability(Capability.MULTIPROTOCOL).build();
        OpenMessage noRefresh = OpenMessage.of(REMOTE_AS, 90, REMOTE_ID,
                List.of(new Capability.MultiProtocol(AddressFamily.IPV4_UNICAST)));
        Optional<OpenValidator.Rejection> r = validate(noRefresh, config);
        assertEquals(BgpError.OPEN_UNSUPPORTED_CAPABILITY, r.orElseThrow().error());
        assertEquals(Bytes.fromHex("0200"), r.get().data());

        OpenMessage noMp = OpenMessage.of(REMOTE_AS, 90, REMOTE_ID, List.of(new Capability.RouteRefresh()));
        // RFC 5492 §5: the data is the capability as we advertise it: code 1, length 4, AFI 1, SAFI 1
        assertEquals(Bytes.fromHex("010400010001"), validate(noMp, config).orElseThrow().data());
        assertEquals(Optional.empty(), validate(remoteOpen(), config));
    }

    @Test
    void roleMismatchFollowsRfc9234Pairs() {
        PeerConfig customer = peerBuilder().role(Capability.Role.CUSTOMER, false).build();
        List<Capability> caps = new ArrayList<>(remoteOpen().capabilities());
        caps.add(new Capability.BgpRole(Capability.Role.PROVIDER));
        assertEquals(Optional.empty(), validate(OpenMessage.of(REMOTE_AS, 90, REMOTE_ID, caps), customer));

        List<Capability> peerRole = new ArrayList<>(remoteOpen().capabilities());
        peerRole.add(new Capability.BgpRole(Capability.Role.PEER));
        assertRejected(BgpError.OPEN_ROLE_MISMATCH, OpenMessage.of(REMOTE_AS, 90, REMOTE_ID, peerRole), customer);

        // no role from the peer: fine unless strict
        assertEquals(Optional.empty(), validate(remoteOpen(), customer));
        PeerConfig strict = peerBuilder().role(Capability.Role.CUSTOMER, true).build();
        assertRejected(BgpError.OPEN_ROLE_MISMATCH, remoteOpen(), strict);

        // two different roles at once
        List<Capability> two = new ArrayList<>(caps);
        two.add(new Capability.BgpRole(Capability.Role.RS));
        assertRejected(BgpError.OPEN_ROLE_MISMATCH, OpenMessage.of(REMOTE_AS, 90, REMOTE_ID, two), customer);
    }

    @Test
    void everyRoleHasAMutualCounterpart() {
        for (Capability.Role r : Capability.Role.values()) {
            assertEquals(r, OpenValidator.counterpart(OpenValidator.counterpart(r)));
        }
    }
}
