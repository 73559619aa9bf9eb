package io.jbgp.rib.table;

/**
 * A route this speaker originates. The declaration order is the tie-break order among local
 * sources: a configured {@code network} prefix takes precedence over redistributed static and
 * connected routes (OpenBGPD: "network statements always win over dynamic ones").
 */
public enum LocalSource implements RouteSource {
    /** {@code network 198.51.100.0/24}: an explicitly configured prefix. */
    CONFIGURED,
    /** {@code network inet static}: a redistributed static route. */
    STATIC,
    /** {@code network inet connected}: a redistributed interface subnet. */
    CONNECTED;

    @Override
    public boolean sameAs(RouteSource other) {
        return other == this;
    }

    @Override
    public boolean isEbgp() {
        return false;
    }
}
