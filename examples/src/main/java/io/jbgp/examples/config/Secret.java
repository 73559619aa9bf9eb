package io.jbgp.examples.config;

/**
 * A secret (the TCP MD5 password, RFC 2385). {@link #toString()} is masked so that a secret never
 * reaches a log line or {@code bgpctl show config} by accident; only the writer's explicit
 * "show secrets" mode prints {@link #value()}.
 */
public record Secret(String value) {
    /** What masked output prints in place of a secret. */
    public static final String MASK = "********";

    /** Validates the secret: non-empty, at most 80 octets (the Linux {@code TCP_MD5SIG_MAXKEYLEN}). */
    public Secret {
        if (value.isEmpty() || value.length() > 80) {
            throw new IllegalArgumentException("md5 password must be 1..80 characters");
        }
    }

    @Override
    public String toString() {
        return MASK;
    }
}
