package io.jbgp.core.message;

import io.jbgp.core.types.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * An OPEN optional parameter (RFC 4271 §4.2, RFC 9072 for the extended length form). Kept as a
 * list in {@link OpenMessage} so the grouping of capabilities into parameters survives a
 * round trip (FRR sends one capability per parameter, OpenBGPD all in one).
 */
public sealed interface OptionalParameter {
    /** Parameter type of Capabilities (RFC 5492 §4). */
    int CAPABILITIES = 2;

    /** {@return the parameter type octet} */
    int type();

    /**
     * Parameter type 2 (RFC 5492): one or more capabilities.
     *
     * @param capabilities the capabilities, in wire order
     */
    record Capabilities(List<Capability> capabilities) implements OptionalParameter {
        /**
         * Copies the capability list.
         *
         * @param capabilities the capabilities, in wire order
         */
        public Capabilities {
            capabilities = List.copyOf(capabilities);
        }

        @Override
        public int type() {
            return CAPABILITIES;
        }
    }

    /**
     * Any other parameter type; receiving one is an Unsupported Optional Parameter error.
     *
     * @param type the parameter type, 0..255 but not 2
     * @param value the parameter value
     */
    record Unknown(int type, Bytes value) implements OptionalParameter {
        /**
         * Checks the type is an octet other than Capabilities.
         *
         * @param type the parameter type, 0..255 but not 2
         * @param value the parameter value
         */
        public Unknown {
            if (type < 0 || type > 255 || type == CAPABILITIES) {
                throw new IllegalArgumentException("bad optional parameter type: " + type);
            }
            Objects.requireNonNull(value, "value");
        }
    }
}
