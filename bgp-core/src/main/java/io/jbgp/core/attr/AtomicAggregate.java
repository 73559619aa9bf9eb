package io.jbgp.core.attr;

/** ATOMIC_AGGREGATE (RFC 4271 §5.1.6), type 6, well-known discretionary, no value. */
public record AtomicAggregate() implements PathAttribute {
    /** The only value: ATOMIC_AGGREGATE has no content, its presence is the information. */
    public static final AtomicAggregate INSTANCE = new AtomicAggregate();

    @Override
    public int typeCode() {
        return ATOMIC_AGGREGATE;
    }
}
