package io.jbgp.core.message;

import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.types.AddressFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * UPDATE (RFC 4271 §4.3); multiprotocol parts per RFC 4760. Lengths are derived on encode.
 * <pre>
 * +-----------------------------------------------------+
 * |   Withdrawn Routes Length (2 octets)                |
 * |   Withdrawn Routes (variable)                       |
 * |   Total Path Attribute Length (2 octets)            |
 * |   Path Attributes (variable)                        |
 * |   Network Layer Reachability Information (variable) |
 * +-----------------------------------------------------+
 * </pre>
 * The classic fields carry IPv4 unicast; {@code attributes} excludes MP_REACH_NLRI and
 * MP_UNREACH_NLRI, which are the {@code mpReach} and {@code mpUnreach} components.
 *
 * @param withdrawn  IPv4 unicast withdrawn routes (classic field)
 * @param attributes path attributes other than MP_REACH/MP_UNREACH
 * @param mpReach    MP_REACH_NLRI, if present
 * @param mpUnreach  MP_UNREACH_NLRI, if present
 * @param announced  IPv4 unicast NLRI (classic field)
 */
public record UpdateMessage(List<Nlri> withdrawn, PathAttributes attributes, Optional<MpReach> mpReach,
                            Optional<MpUnreach> mpUnreach, List<Nlri> announced) implements BgpMessage {

    /**
     * Rejects null parts and copies the NLRI lists.
     *
     * @param withdrawn IPv4 unicast withdrawn routes (classic field)
     * @param attributes path attributes other than MP_REACH/MP_UNREACH
     * @param mpReach MP_REACH_NLRI, if present
     * @param mpUnreach MP_UNREACH_NLRI, if present
     * @param announced IPv4 unicast NLRI (classic field)
     */
    public UpdateMessage {
        withdrawn = List.copyOf(withdrawn);
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(mpReach, "mpReach");
        Objects.requireNonNull(mpUnreach, "mpUnreach");
        announced = List.copyOf(announced);
    }

    /**
     * An IPv4 unicast announcement in the classic fields.
     *
     * @param attributes the path attributes, with ORIGIN, AS_PATH and NEXT_HOP
     * @param nlri the IPv4 unicast prefixes
     * @return the UPDATE
     */
    public static UpdateMessage announce(PathAttributes attributes, List<Nlri> nlri) {
        return new UpdateMessage(List.of(), attributes, Optional.empty(), Optional.empty(), nlri);
    }

    /**
     * An IPv4 unicast withdrawal in the classic field.
     *
     * @param nlri the IPv4 unicast prefixes
     * @return the UPDATE, with no attributes
     */
    public static UpdateMessage withdraw(List<Nlri> nlri) {
        return new UpdateMessage(nlri, PathAttributes.EMPTY, Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * The End-of-RIB marker for a family (RFC 4724 §2).
     *
     * @param family the family whose initial table dump is complete
     * @return an empty UPDATE for IPv4 unicast, else one holding an empty MP_UNREACH_NLRI
     */
    public static UpdateMessage endOfRib(AddressFamily family) {
        if (family.equals(AddressFamily.IPV4_UNICAST)) {
            return new UpdateMessage(List.of(), PathAttributes.EMPTY, Optional.empty(), Optional.empty(), List.of());
        }
        return new UpdateMessage(List.of(), PathAttributes.EMPTY, Optional.empty(),
                Optional.of(new MpUnreach(family, List.of())), List.of());
    }

    /**
     * RFC 4724 §2: an UPDATE with nothing in it is the IPv4 End-of-RIB; one holding only an
     * empty MP_UNREACH_NLRI is the End-of-RIB of that family.
     *
     * @return true when this UPDATE is an End-of-RIB marker
     */
    public boolean isEndOfRib() {
        return endOfRibFamily().isPresent();
    }

    /** {@return the family this UPDATE marks End-of-RIB for, if it is an End-of-RIB marker} */
    public Optional<AddressFamily> endOfRibFamily() {
        if (!withdrawn.isEmpty() || !announced.isEmpty() || mpReach.isPresent()) {
            return Optional.empty();
        }
        if (mpUnreach.isEmpty()) {
            return attributes.isEmpty() ? Optional.of(AddressFamily.IPV4_UNICAST) : Optional.empty();
        }
        return attributes.isEmpty() && mpUnreach.get().withdrawn().isEmpty()
                ? Optional.of(mpUnreach.get().family()) : Optional.empty();
    }

    /**
     * Everything announced in a family, classic or MP.
     *
     * @param family an address family
     * @return the announced NLRI of that family
     */
    public List<Nlri> announced(AddressFamily family) {
        List<Nlri> out = new ArrayList<>();
        if (family.equals(AddressFamily.IPV4_UNICAST)) {
            out.addAll(announced);
        }
        mpReach.filter(r -> r.family().equals(family)).ifPresent(r -> out.addAll(r.nlri()));
        return out;
    }

    /**
     * Everything withdrawn in a family, classic or MP.
     *
     * @param family an address family
     * @return the withdrawn NLRI of that family
     */
    public List<Nlri> withdrawn(AddressFamily family) {
        List<Nlri> out = new ArrayList<>();
        if (family.equals(AddressFamily.IPV4_UNICAST)) {
            out.addAll(withdrawn);
        }
        mpUnreach.filter(r -> r.family().equals(family)).ifPresent(r -> out.addAll(r.withdrawn()));
        return out;
    }

    @Override
    public MessageType type() {
        return MessageType.UPDATE;
    }
}
