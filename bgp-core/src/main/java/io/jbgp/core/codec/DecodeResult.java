package io.jbgp.core.codec;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of decoding one message from a peer: a message (possibly with attributes
 * discarded), an UPDATE to be treated as a withdrawal, or an error that resets the session.
 * RFC 7606 §2 decides which; decoding never throws on peer input.
 */
public sealed interface DecodeResult {

    /**
     * A good message. For an UPDATE, {@code discarded} lists attributes dropped under RFC 7606
     * "attribute discard"; the message no longer holds them.
     *
     * @param message the decoded message
     * @param discarded attributes dropped under RFC 7606 attribute discard, usually none
     */
    record Ok(BgpMessage message, List<Discarded> discarded) implements DecodeResult {
        /**
         * Rejects a null message and copies the discard list.
         *
         * @param message the decoded message
         * @param discarded attributes dropped under RFC 7606 attribute discard, usually none
         */
        public Ok {
            Objects.requireNonNull(message, "message");
            discarded = List.copyOf(discarded);
        }

        /**
         * A good message with nothing discarded.
         *
         * @param message the decoded message
         */
        public Ok(BgpMessage message) {
            this(message, List.of());
        }
    }

    /**
     * RFC 7606 treat-as-withdraw: {@code withdrawals} is an UPDATE that withdraws every prefix the
     * malformed UPDATE announced or withdrew (classic and MP fields), with no attributes.
     *
     * @param withdrawals an UPDATE withdrawing every prefix of the malformed one
     * @param cause the error RFC 7606 downgraded
     * @param detail a human-readable reason for logs
     */
    record TreatAsWithdraw(UpdateMessage withdrawals, BgpError cause, String detail) implements DecodeResult {
        /**
         * Rejects null parts.
         *
         * @param withdrawals an UPDATE withdrawing every prefix of the malformed one
         * @param cause the error RFC 7606 downgraded
         * @param detail a human-readable reason for logs
         */
        public TreatAsWithdraw {
            Objects.requireNonNull(withdrawals, "withdrawals");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * Session reset: send {@code error} with {@code data} in the NOTIFICATION (RFC 4271 §6 says
     * what data each error carries), then close.
     *
     * @param error the error to send
     * @param data the NOTIFICATION data field
     * @param detail a human-readable reason for logs
     */
    record Failed(BgpError error, Bytes data, String detail) implements DecodeResult {
        /**
         * Rejects null parts.
         *
         * @param error the error to send
         * @param data the NOTIFICATION data field
         * @param detail a human-readable reason for logs
         */
        public Failed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * One attribute dropped under RFC 7606 attribute discard.
     *
     * @param typeCode the attribute's type code
     * @param cause    the error it would otherwise have raised
     * @param detail   a human-readable reason
     */
    record Discarded(int typeCode, BgpError cause, String detail) {
        /**
         * Rejects null cause and detail.
         *
         * @param typeCode the attribute's type code
         * @param cause the error it would otherwise have raised
         * @param detail a human-readable reason
         */
        public Discarded {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
