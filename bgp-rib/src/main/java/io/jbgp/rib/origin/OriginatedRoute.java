package io.jbgp.rib.origin;

import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.types.IpPrefix;
import java.util.Objects;
import java.util.Optional;

/**
 * A prefix this speaker originates, as the {@link Redistributor} computed it: the value the RIB
 * turns into a Loc-RIB route of source Connected, Static or Configured.
 *
 * @param prefix      the announced prefix
 * @param statement   the {@code network} statement that originates it
 * @param attributes  the statement's attributes ({@code set ...})
 * @param systemRoute the host route it was redistributed from; empty for explicit statements
 */
public record OriginatedRoute(IpPrefix prefix, NetworkStatement statement, PathAttributes attributes,
                              Optional<SystemRoute> systemRoute) {

    /** Where an originated route comes from, for the RIB's route source. */
    public enum Source {
        /** An explicit {@code network PREFIX} or {@code network prefix-set}. */
        CONFIGURED,
        /** A connected subnet of the host. */
        CONNECTED,
        /** A static (or other host) route. */
        STATIC
    }

    public OriginatedRoute {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(systemRoute, "systemRoute");
    }

    /** The route source the RIB should record. */
    public Source source() {
        if (systemRoute.isEmpty()) {
            return Source.CONFIGURED;
        }
        return systemRoute.get().kind() == SystemRoute.Kind.CONNECTED ? Source.CONNECTED : Source.STATIC;
    }
}
