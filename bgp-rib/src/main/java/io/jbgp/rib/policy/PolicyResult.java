package io.jbgp.rib.policy;

import io.jbgp.rib.attr.AttributeSet;
import java.util.Objects;

/** The outcome of a policy: accept with (possibly modified) attributes, or reject. */
public sealed interface PolicyResult {

    /** The route passes with these attributes. */
    record Accept(AttributeSet attributes) implements PolicyResult {
        public Accept {
            Objects.requireNonNull(attributes, "attributes");
        }
    }

    /** The route is dropped; {@code reason} is shown in "show rib" style output. */
    record Reject(String reason) implements PolicyResult {
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static PolicyResult accept(AttributeSet a) {
        return new Accept(a);
    }

    static PolicyResult reject(String reason) {
        return new Reject(reason);
    }

    default boolean isAccepted() {
        return this instanceof Accept;
    }
}
