package io.jbgp.core.mrt;

/**
 * Thrown inside this package when a record body does not parse; {@link MrtReader} catches it
 * and delivers a {@link MrtRecord.Malformed}. Never escapes the package. No stack trace: it
 * describes the input, not a bug.
 */
final class MalformedRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedRecordException(String message) {
        super(message, null, false, false);
    }
}
