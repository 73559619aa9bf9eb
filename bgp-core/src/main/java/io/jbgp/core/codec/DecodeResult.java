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
     */
    record Ok(BgpMessage message, List<Discarded> discarded) implements DecodeResult {
        public Ok {
            Objects.requireNonNull(message, "message");
            discarded = List.copyOf(discarded);
        }

        public Ok(BgpMessage message) {
            this(message, List.of());
        }
    }

    /**
     * RFC 7606 treat-as-withdraw: {@code withdrawals} is an UPDATE that withdraws every prefix the
     * malformed UPDATE announced or withdrew (classic and MP fields), with no attributes.
     */
    record TreatAsWithdraw(UpdateMessage withdrawals, BgpError cause, String detail) implements DecodeResult {
        public TreatAsWithdraw {
            Objects.requireNonNull(withdrawals, "withdrawals");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * Session reset: send {@code error} with {@code data} in the NOTIFICATION (RFC 4271 §6 says
     * what data each error carries), then close.
     */
    record Failed(BgpError error, Bytes data, String detail) implements DecodeResult {
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
        public Discarded {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
