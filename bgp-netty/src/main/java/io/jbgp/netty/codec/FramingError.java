package io.jbgp.netty.codec;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.types.Bytes;
import java.util.Objects;

/**
 * A message header error found while framing (RFC 4271 §6.1): emitted by {@link BgpFrameDecoder}
 * as a pipeline message instead of an exception, after which the decoder discards all input. The
 * session answers it with a NOTIFICATION carrying {@code error} and {@code data}, then closes.
 *
 * @param error the header error (Connection Not Synchronized or Bad Message Length)
 * @param data  the NOTIFICATION data RFC 4271 §6.1 prescribes (the bad Length field, or empty)
 */
public record FramingError(BgpError error, Bytes data) {
    public FramingError {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(data, "data");
    }
}
