package io.jbgp.rib.origin;

import io.jbgp.core.types.IpPrefix;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the "what would be announced" view: a candidate prefix, the statement that selected
 * it, whether it is announced, and why. Operators read this before enabling a session, to see
 * that no uplink or private subnet leaks.
 *
 * @param prefix      the candidate prefix
 * @param statement   the statement that selected it
 * @param systemRoute the host route behind it; empty for explicit statements
 * @param included    true if this entry is what gets announced for the prefix
 * @param reason      why it is, or is not, announced
 */
public record PreviewEntry(IpPrefix prefix, NetworkStatement statement, Optional<SystemRoute> systemRoute,
                           boolean included, Reason reason) {

    /** Why a candidate is announced or not. */
    public enum Reason {
        /** Announced: an explicit {@code network PREFIX} or prefix-set statement. */
        EXPLICIT("explicit network statement"),
        /** Announced: selected by a dynamic statement, nothing excludes it. */
        SELECTED("selected by the statement"),
        /** Announced: an include-interface override lets it through (uplink guard lifted). */
        INCLUDED_INTERFACE("included by interface override"),
        /** Announced: an include-prefix override lets it through (uplink or default route). */
        INCLUDED_PREFIX("included by prefix override"),
        /** Not announced: the default route is never redistributed unless included exactly. */
        DEFAULT_ROUTE("default route is never redistributed unless explicitly included"),
        /** Not announced: loopback destination. */
        LOOPBACK("loopback destination"),
        /** Not announced: link-local destination. */
        LINK_LOCAL("link-local destination"),
        /** Not announced: multicast destination. */
        MULTICAST("multicast destination"),
        /** Not announced: the route's next hop is a loopback address. */
        NEXTHOP_LOOPBACK("next hop is a loopback address"),
        /** Not announced: the WAN-leak guard, subnet of the interface holding the default route. */
        UPLINK_SUBNET("subnet of the uplink interface holding the default route (WAN-leak guard)"),
        /** Not announced: an exclude-interface override. */
        EXCLUDED_INTERFACE("excluded by interface override"),
        /** Not announced: an exclude-prefix override. */
        EXCLUDED_PREFIX("excluded by prefix override"),
        /** Not announced from here: another statement or host route already originates it. */
        DUPLICATE("prefix already originated by another statement or route");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** A lowercase sentence for logs and "show" output. */
        public String text() {
            return text;
        }
    }

    public PreviewEntry {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(systemRoute, "systemRoute");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return prefix + " " + (included ? "announced" : "excluded") + " (" + statement + "): " + reason.text()
                + systemRoute.map(r -> r.interfaceName().isEmpty() ? "" : " [" + r.interfaceName() + "]").orElse("");
    }
}
