package io.jbgp.rib.origin;

import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code network} line of the configuration: what the speaker originates itself, modelled on
 * OpenBGPD's bgpd.conf {@code network} statements. Every variant carries the path attributes to
 * attach to the routes it originates ({@code network ... set ...}); the RIB adds the mandatory
 * ones (ORIGIN, AS_PATH, NEXT_HOP) it owns.
 *
 * <p>{@link Prefix} and {@link PrefixSet} are <em>explicit</em>: always announced, whatever the
 * host's table holds, and they take precedence over a dynamic match of the same prefix. The other
 * variants are <em>dynamic</em>: they select {@link SystemRoute}s, and the {@link Redistributor}
 * applies its exclusions to them ({@code kr_redistribute}).
 */
public sealed interface NetworkStatement {

    /** The attributes to attach ({@code set ...}); empty when none. */
    PathAttributes attributes();

    /** True for statements that select host routes (as opposed to naming prefixes). */
    default boolean isDynamic() {
        return !(this instanceof Prefix) && !(this instanceof PrefixSet);
    }

    /** {@code network 198.51.100.0/24}: always announced, takes precedence over dynamic matches. */
    record Prefix(IpPrefix prefix, PathAttributes attributes) implements NetworkStatement {
        public Prefix {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(attributes, "attributes");
        }

        @Override
        public String toString() {
            return "network " + prefix;
        }
    }

    /** {@code network inet connected}: the subnets directly attached to the host's interfaces. */
    record Connected(AddressFamily family, PathAttributes attributes) implements NetworkStatement {
        public Connected {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(attributes, "attributes");
        }

        @Override
        public String toString() {
            return "network " + familyWord(family) + " connected";
        }
    }

    /** {@code network inet static}: the host's static routes. */
    record Static(AddressFamily family, PathAttributes attributes) implements NetworkStatement {
        public Static {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(attributes, "attributes");
        }

        @Override
        public String toString() {
            return "network " + familyWord(family) + " static";
        }
    }

    /** {@code network prefix-set NAME}: every prefix of the set, always announced. */
    record PrefixSet(String name, Set<IpPrefix> prefixes, PathAttributes attributes) implements NetworkStatement {
        public PrefixSet {
            Objects.requireNonNull(name, "name");
            prefixes = Set.copyOf(prefixes);
            Objects.requireNonNull(attributes, "attributes");
        }

        @Override
        public String toString() {
            return "network prefix-set " + name;
        }
    }

    /**
     * {@code network inet priority N}: host routes of this family with this priority (Linux
     * metric), of any kind.
     */
    record Priority(AddressFamily family, int priority, PathAttributes attributes) implements NetworkStatement {
        public Priority {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(attributes, "attributes");
        }

        @Override
        public String toString() {
            return "network " + familyWord(family) + " priority " + priority;
        }
    }

    /**
     * {@code network inet rtlabel LABEL}: host routes of this family with this label (on Linux,
     * the route's protocol name, e.g. {@code static}, {@code dhcp}), of any kind.
     */
    record Label(AddressFamily family, String label, PathAttributes attributes) implements NetworkStatement {
        public Label {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(attributes, "attributes");
        }

        @Override
        public String toString() {
            return "network " + familyWord(family) + " rtlabel " + label;
        }
    }

    static Prefix prefix(IpPrefix prefix) {
        return new Prefix(prefix, PathAttributes.EMPTY);
    }

    static Connected connected(AddressFamily family) {
        return new Connected(family, PathAttributes.EMPTY);
    }

    static Static staticRoutes(AddressFamily family) {
        return new Static(family, PathAttributes.EMPTY);
    }

    static PrefixSet prefixSet(String name, Set<IpPrefix> prefixes) {
        return new PrefixSet(name, prefixes, PathAttributes.EMPTY);
    }

    static Priority priority(AddressFamily family, int priority) {
        return new Priority(family, priority, PathAttributes.EMPTY);
    }

    static Label label(AddressFamily family, String label) {
        return new Label(family, label, PathAttributes.EMPTY);
    }

    private static String familyWord(AddressFamily family) {
        if (AddressFamily.IPV4_UNICAST.equals(family)) {
            return "inet";
        }
        return AddressFamily.IPV6_UNICAST.equals(family) ? "inet6" : family.toString();
    }
}
