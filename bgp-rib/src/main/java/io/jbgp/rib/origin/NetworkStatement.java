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

    /** {@return the attributes to attach ({@code set ...}); empty when none} */
    PathAttributes attributes();

    /**
     * {@return this statement's own include/exclude rules; none unless a connected/static statement
     * has them}
     */
    default Overrides overrides() {
        return Overrides.NONE;
    }

    /** {@return true for statements that select host routes (as opposed to naming prefixes)} */
    default boolean isDynamic() {
        return !(this instanceof Prefix) && !(this instanceof PrefixSet);
    }

    /**
     * {@code network 198.51.100.0/24}: always announced, takes precedence over dynamic matches.
     *
     * @param prefix the prefix to announce
     * @param attributes attributes set on the originated routes (ORIGIN, communities, ...)
     */
    record Prefix(IpPrefix prefix, PathAttributes attributes) implements NetworkStatement {
        /**
         * Rejects null parts.
         *
         * @param prefix the prefix to announce
         * @param attributes attributes set on the originated routes (ORIGIN, communities, ...)
         */
        public Prefix {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(attributes, "attributes");
        }

        @Override
        public String toString() {
            return "network " + prefix;
        }
    }

    /**
     * {@code network inet connected [include|exclude interface|prefix ...]}: the subnets directly
     * attached to the host's interfaces, minus the uplink's (the WAN-leak guard) unless included.
     *
     * @param family the address family
     * @param attributes attributes set on the originated routes (ORIGIN, communities, ...)
     * @param overrides the statement's own include/exclude rules
     */
    record Connected(AddressFamily family, PathAttributes attributes, Overrides overrides)
            implements NetworkStatement {
        /**
         * Rejects null parts.
         *
         * @param family the address family
         * @param attributes attributes set on the originated routes (ORIGIN, communities, ...)
         * @param overrides the statement's own include/exclude rules
         */
        public Connected {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(attributes, "attributes");
            Objects.requireNonNull(overrides, "overrides");
        }

        /**
         * A statement without overrides of its own.
         *
         * @param family the address family
         * @param attributes attributes to set on the originated routes
         */
        public Connected(AddressFamily family, PathAttributes attributes) {
            this(family, attributes, Overrides.NONE);
        }

        /**
         * The same statement with these include/exclude rules.
         *
         * @param o the statement's own overrides
         * @return a new statement
         */
        public Connected with(Overrides o) {
            return new Connected(family, attributes, o);
        }

        @Override
        public String toString() {
            return "network " + familyWord(family) + " connected";
        }
    }

    /**
     * {@code network inet static [include|exclude ...]}: the host's static routes.
     *
     * @param family the address family
     * @param attributes attributes set on the originated routes (ORIGIN, communities, ...)
     * @param overrides the statement's own include/exclude rules
     */
    record Static(AddressFamily family, PathAttributes attributes, Overrides overrides) implements NetworkStatement {
        /**
         * Rejects null parts.
         *
         * @param family the address family
         * @param attributes attributes set on the originated routes (ORIGIN, communities, ...)
         * @param overrides the statement's own include/exclude rules
         */
        public Static {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(attributes, "attributes");
            Objects.requireNonNull(overrides, "overrides");
        }

        /**
         * A statement without overrides of its own.
         *
         * @param family the address family
         * @param attributes attributes to set on the originated routes
         */
        public Static(AddressFamily family, PathAttributes attributes) {
            this(family, attributes, Overrides.NONE);
        }

        /**
         * The same statement with these include/exclude rules.
         *
         * @param o the statement's own overrides
         * @return a new statement
         */
        public Static with(Overrides o) {
            return new Static(family, attributes, o);
        }

        @Override
        public String toString() {
            return "network " + familyWord(family) + " static";
        }
    }

    /**
     * {@code network prefix-set NAME}: every prefix of the set, always announced.
     *
     * @param name the set's name, for display
     * @param prefixes the prefixes to announce
     * @param attributes attributes set on the originated routes (ORIGIN, communities, ...)
     */
    record PrefixSet(String name, Set<IpPrefix> prefixes, PathAttributes attributes) implements NetworkStatement {
        /**
         * Rejects null parts and copies the prefix set.
         *
         * @param name the set's name, for display
         * @param prefixes the prefixes to announce
         * @param attributes attributes set on the originated routes (ORIGIN, communities, ...)
         */
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
     *
     * @param family the address family
     * @param priority the host route priority (Linux metric) to select
     * @param attributes attributes set on the originated routes (ORIGIN, communities, ...)
     */
    record Priority(AddressFamily family, int priority, PathAttributes attributes) implements NetworkStatement {
        /**
         * Rejects null parts.
         *
         * @param family the address family
         * @param priority the host route priority (Linux metric) to select
         * @param attributes attributes set on the originated routes (ORIGIN, communities, ...)
         */
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
     *
     * @param family the address family
     * @param label the route label (Linux protocol name) to select
     * @param attributes attributes set on the originated routes (ORIGIN, communities, ...)
     */
    record Label(AddressFamily family, String label, PathAttributes attributes) implements NetworkStatement {
        /**
         * Rejects null parts.
         *
         * @param family the address family
         * @param label the route label (Linux protocol name) to select
         * @param attributes attributes set on the originated routes (ORIGIN, communities, ...)
         */
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

    /**
     * @param prefix the prefix to announce
     * @return {@code network PREFIX} with no attributes of its own
     */
    static Prefix prefix(IpPrefix prefix) {
        return new Prefix(prefix, PathAttributes.EMPTY);
    }

    /**
     * @param family the address family
     * @return {@code network inet|inet6 connected} with no attributes of its own
     */
    static Connected connected(AddressFamily family) {
        return new Connected(family, PathAttributes.EMPTY);
    }

    /**
     * @param family the address family
     * @return {@code network inet|inet6 static} with no attributes of its own
     */
    static Static staticRoutes(AddressFamily family) {
        return new Static(family, PathAttributes.EMPTY);
    }

    /**
     * @param name the set's name, for display
     * @param prefixes the prefixes
     * @return {@code network prefix-set NAME} with no attributes of its own
     */
    static PrefixSet prefixSet(String name, Set<IpPrefix> prefixes) {
        return new PrefixSet(name, prefixes, PathAttributes.EMPTY);
    }

    /**
     * @param family the address family
     * @param priority the route priority (Linux metric)
     * @return {@code network inet|inet6 priority N} with no attributes of its own
     */
    static Priority priority(AddressFamily family, int priority) {
        return new Priority(family, priority, PathAttributes.EMPTY);
    }

    /**
     * @param family the address family
     * @param label the route label (Linux protocol name)
     * @return {@code network inet|inet6 rtlabel LABEL} with no attributes of its own
     */
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
