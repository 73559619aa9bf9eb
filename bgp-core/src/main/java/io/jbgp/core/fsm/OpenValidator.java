package io.jbgp.core.fsm;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.OptionalParameter;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.Bytes;
import io.jbgp.core.types.HoldTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a peer's OPEN (RFC 4271 §6.2), a pure function: the message, our own OPEN and the
 * neighbor's configuration go in, the first error comes out. The checks run in the order of
 * RFC 4271 §6.2, then RFC 5492 and RFC 9234.
 */
public final class OpenValidator {
    private OpenValidator() {}

    /**
     * Why an OPEN was refused: the NOTIFICATION error and its data field.
     *
     * @param error  the OPEN Message Error subcode
     * @param data   the NOTIFICATION data (RFC 4271 §6.2 / RFC 5492 §5 say what goes in it)
     * @param detail human-readable explanation for the log
     */
    public record Rejection(BgpError error, Bytes data, String detail) {
        public Rejection {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(detail, "detail");
        }

        /** The NOTIFICATION to send. */
        public NotificationMessage toNotification() {
            return error.toNotification(data.unsafeArray());
        }
    }

    /**
     * Validates {@code remote} against what we expect.
     *
     * @param remote the peer's OPEN
     * @param local  the OPEN we sent (our AS, identifier, role)
     * @param config the neighbor's configuration (expected AS, required capabilities, role mode)
     * @return the first problem found, or empty when the OPEN is acceptable
     */
    public static Optional<Rejection> validate(OpenMessage remote, OpenMessage local, PeerConfig config) {
        // RFC 4271 §6.2: version; the data is the largest version we support, 2 octets
        if (remote.version() != OpenMessage.VERSION) {
            return reject(BgpError.OPEN_UNSUPPORTED_VERSION_NUMBER, Bytes.wrap(new byte[] {0, 4}),
                    "version " + remote.version());
        }
        // RFC 5492 §4 / RFC 4271 §6.2: we understand only the capabilities parameter
        for (OptionalParameter p : remote.parameters()) {
            if (p instanceof OptionalParameter.Unknown u) {
                return reject(BgpError.OPEN_UNSUPPORTED_OPTIONAL_PARAMETER, Bytes.EMPTY,
                        "optional parameter type " + u.type());
            }
        }
        Optional<Rejection> as = checkPeerAs(remote, config.remoteAs());
        if (as.isPresent()) {
            return as;
        }
        // RFC 6286 §2.2: any non-zero identifier; unique within the AS, so equal to ours is an
        // error only for internal peers (eBGP equal ids are resolved by AS in collisions, §2.3)
        if (remote.bgpId().value() == 0) {
            return reject(BgpError.OPEN_BAD_BGP_IDENTIFIER, Bytes.EMPTY, "identifier 0.0.0.0");
        }
        boolean ibgp = remote.asn().equals(local.asn());
        if (ibgp && remote.bgpId().equals(local.bgpId())) {
            return reject(BgpError.OPEN_BAD_BGP_IDENTIFIER, Bytes.EMPTY,
                    "internal peer uses our identifier " + remote.bgpId());
        }
        // RFC 4271 §6.2: hold time 1 and 2 seconds MUST be rejected
        if (!HoldTime.isValid(remote.holdTime())) {
            return reject(BgpError.OPEN_UNACCEPTABLE_HOLD_TIME, Bytes.EMPTY,
                    "hold time " + remote.holdTime() + " s");
        }
        Optional<Rejection> caps = checkRequiredCapabilities(remote, local, config);
        if (caps.isPresent()) {
            return caps;
        }
        return checkRole(remote, local, config, ibgp);
    }

    /**
     * RFC 4271 §6.2 Bad Peer AS, with RFC 6793 §4.2: a 4-octet speaker puts AS_TRANS in the
     * 2-octet field and its real AS in the capability; without the capability the 2-octet field
     * is the AS (and AS_TRANS there then matches no configured neighbor).
     */
    private static Optional<Rejection> checkPeerAs(OpenMessage remote, Asn expected) {
        Optional<Capability.FourOctetAs> four = remote.capability(Capability.FourOctetAs.class);
        Asn announced = remote.asn();
        if (four.isPresent()) {
            Asn real = four.get().asn();
            // RFC 6793 §4.2: a real AS that fits 2 octets must also be in the 2-octet field
            if (!real.isFourOctet() && remote.myAs() != real.value()) {
                return reject(BgpError.OPEN_BAD_PEER_AS, Bytes.EMPTY,
                        "My AS " + remote.myAs() + " disagrees with 4-octet AS " + real);
            }
            if (real.isFourOctet() && remote.myAs() != Asn.AS_TRANS.value()) {
                return reject(BgpError.OPEN_BAD_PEER_AS, Bytes.EMPTY,
                        "My AS " + remote.myAs() + " is not AS_TRANS for 4-octet AS " + real);
            }
        }
        if (!announced.equals(expected)) {
            return reject(BgpError.OPEN_BAD_PEER_AS, Bytes.EMPTY,
                    "peer AS " + announced + ", expected " + expected);
        }
        return Optional.empty();
    }

    /**
     * RFC 5492 §5: a capability we require and the peer did not advertise; the data field holds
     * the capability as we would have sent it (code, length, value).
     */
    private static Optional<Rejection> checkRequiredCapabilities(OpenMessage remote, OpenMessage local,
                                                                 PeerConfig config) {
        List<Capability> theirs = remote.capabilities();
        for (int code : config.requiredCapabilities()) {
            boolean present = theirs.stream().anyMatch(c -> c.code() == code);
            if (!present) {
                Bytes data = local.capabilities().stream().filter(c -> c.code() == code).findFirst()
                        .map(OpenValidator::encodeCapability)
                        .orElse(Bytes.wrap(new byte[] {(byte) code, 0}));
                return reject(BgpError.OPEN_UNSUPPORTED_CAPABILITY, data,
                        "required capability " + code + " missing");
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 9234 §4.2: with a local role configured, the peer's role must be the counterpart of
     * ours; several different roles from the peer, or none in strict mode, is a Role Mismatch.
     * Roles apply to eBGP only; an internal peer's role capability is ignored.
     */
    private static Optional<Rejection> checkRole(OpenMessage remote, OpenMessage local, PeerConfig config,
                                                 boolean ibgp) {
        if (config.role().isEmpty() || ibgp) {
            return Optional.empty();
        }
        Capability.Role ours = config.role().get();
        List<Capability.Role> theirs = new ArrayList<>();
        for (Capability c : remote.capabilities()) {
            if (c instanceof Capability.BgpRole r && !theirs.contains(r.role())) {
                theirs.add(r.role());
            }
        }
        if (theirs.isEmpty()) {
            return config.strictRole()
                    ? reject(BgpError.OPEN_ROLE_MISMATCH, Bytes.EMPTY, "strict mode and no role from peer")
                    : Optional.empty();
        }
        if (theirs.size() > 1) {
            return reject(BgpError.OPEN_ROLE_MISMATCH, Bytes.EMPTY, "several roles " + theirs);
        }
        if (theirs.get(0) != counterpart(ours)) {
            return reject(BgpError.OPEN_ROLE_MISMATCH, Bytes.EMPTY,
                    "our role " + ours + ", peer's " + theirs.get(0));
        }
        return Optional.empty();
    }

    /** RFC 9234 §4.2 table of allowed local/remote pairs. */
    static Capability.Role counterpart(Capability.Role role) {
        switch (role) {
            case PROVIDER:
                return Capability.Role.CUSTOMER;
            case CUSTOMER:
                return Capability.Role.PROVIDER;
            case RS:
                return Capability.Role.RS_CLIENT;
            case RS_CLIENT:
                return Capability.Role.RS;
            case PEER:
                return Capability.Role.PEER;
            default:
                throw new IllegalStateException("counterpart: unknown role " + role);
        }
    }

    /**
     * The wire form of the capabilities that can be required (value-less ones, Multiprotocol and
     * 4-octet AS); others are reported with an empty value.
     */
    static Bytes encodeCapability(Capability c) {
        if (c instanceof Capability.MultiProtocol mp) {
            int afi = mp.family().afi();
            return Bytes.wrap(new byte[] {(byte) c.code(), 4, (byte) (afi >> 8), (byte) afi, 0,
                    (byte) mp.family().safi()});
        }
        if (c instanceof Capability.FourOctetAs f) {
            long v = f.asn().value();
            return Bytes.wrap(new byte[] {(byte) c.code(), 4, (byte) (v >> 24), (byte) (v >> 16),
                    (byte) (v >> 8), (byte) v});
        }
        return Bytes.wrap(new byte[] {(byte) c.code(), 0});
    }

    private static Optional<Rejection> reject(BgpError error, Bytes data, String detail) {
        return Optional.of(new Rejection(error, data, detail));
    }
}
