package io.jbgp.rib.policy;

import io.jbgp.rib.attr.AttributeSet;
import java.util.Objects;

/** The outcome of a policy: accept with (possibly modified) attributes, or reject. */
public sealed interface PolicyResult {

    /**
     * The route passes with these attributes.
     *
     * @param attributes the attributes to keep or advertise
     */
    record Accept(AttributeSet attributes) implements PolicyResult {
        /**
         * Rejects null attributes.
         *
         * @param attributes the attributes to keep or advertise
         */
        public Accept {
            Objects.requireNonNull(attributes, "attributes");
        }
    }

    /**
     * The route is dropped; {@code reason} is shown in "show rib" style output.
     *
     * @param reason why, for display
     */
    record Reject(String reason) implements PolicyResult {
        /**
         * Rejects a null reason.
         *
         * @param reason why, for display
         */
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * @param a the attributes to keep or advertise
     * @return an {@link Accept}
     */
    static PolicyResult accept(AttributeSet a) {
        return new Accept(a);
    }

    /**
     * @param reason why, for "show rib" style output
     * @return a {@link Reject}
     */
    static PolicyResult reject(String reason) {
        return new Reject(reason);
    }

    /** {@return true for {@link Accept}} */
    default boolean isAccepted() {
        return this instanceof Accept;
    }
}
