package io.jbgp.core.codec;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.types.Bytes;

/**
 * A decode error deep inside a message, carried up to {@link MessageReader#read}, which turns it
 * into a {@link DecodeResult.Failed}. Never escapes the codec package; no stack trace, since it is
 * control flow on peer input, not a bug.
 */
final class DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient BgpError error;
    private final transient Bytes data;

    DecodeException(BgpError error, Bytes data, String detail) {
        super(detail, null, false, false);
        this.error = error;
        this.data = data;
    }

    DecodeException(BgpError error, String detail) {
        this(error, Bytes.EMPTY, detail);
    }

    BgpError error() {
        return error;
    }

    Bytes data() {
        return data;
    }

    DecodeResult.Failed toResult() {
        return new DecodeResult.Failed(error, data, getMessage());
    }
}
