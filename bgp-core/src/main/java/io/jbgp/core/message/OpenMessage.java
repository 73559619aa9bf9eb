package io.jbgp.core.message;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * OPEN (RFC 4271 §4.2).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+
 * |    Version    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     My Autonomous System      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Hold Time           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         BGP Identifier                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Opt Parm Len  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Optional Parameters (variable)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * The writer switches to the RFC 9072 extended parameter form only when the parameters do not fit
 * 255 octets. Validation of the values (version, AS, identifier, hold time) is the FSM's job.
 *
 * @param version    protocol version (4)
 * @param myAs       the 2-octet "My Autonomous System" field (AS_TRANS for 4-octet ASes)
 * @param holdTime   proposed hold time in seconds, 0..65535
 * @param bgpId      BGP Identifier
 * @param parameters optional parameters in wire order
 */
public record OpenMessage(int version, int myAs, int holdTime, RouterId bgpId,
                          List<OptionalParameter> parameters) implements BgpMessage {
    /** The BGP version this speaker speaks (RFC 4271 §4.2). */
    public static final int VERSION = 4;

    /**
     * Checks the field ranges and copies the parameter list.
     *
     * @param version protocol version (4)
     * @param myAs the 2-octet "My Autonomous System" field (AS_TRANS for 4-octet ASes)
     * @param holdTime proposed hold time in seconds, 0..65535
     * @param bgpId BGP Identifier
     * @param parameters optional parameters in wire order
     */
    public OpenMessage {
        if (version < 0 || version > 255) {
            throw new IllegalArgumentException("version out of range: " + version);
        }
        if (myAs < 0 || myAs > 0xFFFF) {
            throw new IllegalArgumentException("My AS is 2 octets: " + myAs);
        }
        if (holdTime < 0 || holdTime > 0xFFFF) {
            throw new IllegalArgumentException("hold time is 2 octets: " + holdTime);
        }
        Objects.requireNonNull(bgpId, "bgpId");
        parameters = List.copyOf(parameters);
    }

    /**
     * An OPEN for a speaker with the given AS: puts AS_TRANS in the 2-octet field when needed and
     * all capabilities in one optional parameter (as OpenBGPD and BIRD do).
     *
     * @param asn our AS, 0..2³²−1
     * @param holdTime proposed hold time in seconds, 0 or 3..65535
     * @param bgpId our BGP Identifier
     * @param capabilities the capabilities to advertise
     * @return the OPEN
     */
    public static OpenMessage of(Asn asn, int holdTime, RouterId bgpId, List<Capability> capabilities) {
        List<OptionalParameter> params = capabilities.isEmpty()
                ? List.of() : List.of(new OptionalParameter.Capabilities(capabilities));
        return new OpenMessage(VERSION, asn.toTwoOctet(), holdTime, bgpId, params);
    }

    /** {@return every capability, in wire order, across all parameters} */
    public List<Capability> capabilities() {
        List<Capability> out = new ArrayList<>();
        for (OptionalParameter p : parameters) {
            if (p instanceof OptionalParameter.Capabilities c) {
                out.addAll(c.capabilities());
            }
        }
        return out;
    }

    /**
     * The first capability of a type, if advertised.
     *
     * @param <C> the capability class
     * @param type the capability class, e.g. {@code Capability.FourOctetAs.class}
     * @return the first such capability across all parameters, or empty
     */
    public <C extends Capability> Optional<C> capability(Class<C> type) {
        for (Capability c : capabilities()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the sender's AS: the 4-octet capability's value when present, else the 2-octet
     * field}
     */
    public Asn asn() {
        return capability(Capability.FourOctetAs.class).map(Capability.FourOctetAs::asn)
                .orElse(Asn.of(myAs));
    }

    /**
     * The families the sender advertised with Multiprotocol capabilities; RFC 4760 §8: with none,
     * IPv4 unicast is implied.
     *
     * @return the advertised families, in order
     */
    public List<AddressFamily> families() {
        List<AddressFamily> out = new ArrayList<>();
        boolean any = false;
        for (Capability c : capabilities()) {
            if (c instanceof Capability.MultiProtocol mp) {
                any = true;
                if (!out.contains(mp.family())) {
                    out.add(mp.family());
                }
            }
        }
        return any ? out : List.of(AddressFamily.IPV4_UNICAST);
    }

    @Override
    public MessageType type() {
        return MessageType.OPEN;
    }
}
