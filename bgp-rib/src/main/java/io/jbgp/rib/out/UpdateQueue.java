package io.jbgp.rib.out;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.rib.attr.AttributeSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The pending changes for one neighbor and address family, grouped so that prefixes sharing an
 * attribute set leave in one UPDATE (OpenBGPD {@code pend_attr}, BIRD buckets): a bucket per
 * attribute set in first-queued order, plus the pending withdrawals. A prefix moves between
 * buckets when its attributes change again before it was sent; a withdrawal cancels a pending
 * announcement and vice versa. Owned by the RIB executor; not thread-safe.
 */
public final class UpdateQueue {

    private final AddressFamily family;
    private final LinkedHashMap<AttributeSet, LinkedHashSet<Nlri>> buckets = new LinkedHashMap<>();
    private final Map<Nlri, AttributeSet> pending = new HashMap<>();
    private final LinkedHashSet<Nlri> withdrawals = new LinkedHashSet<>();
    private boolean endOfRib;

    public UpdateQueue(AddressFamily family) {
        this.family = Objects.requireNonNull(family, "family");
    }

    public AddressFamily family() {
        return family;
    }

    /** Queues an announcement; a no-op if exactly this is already pending. */
    public void announce(Nlri nlri, AttributeSet attrs) {
        AttributeSet old = pending.get(nlri);
        if (attrs.equals(old)) {
            return;
        }
        if (old != null) {
            removeFromBucket(nlri, old);
        }
        withdrawals.remove(nlri);
        pending.put(nlri, attrs);
        buckets.computeIfAbsent(attrs, a -> new LinkedHashSet<>()).add(nlri);
    }

    /** Queues a withdrawal, cancelling a pending announcement of the same NLRI. */
    public void withdraw(Nlri nlri) {
        AttributeSet old = pending.remove(nlri);
        if (old != null) {
            removeFromBucket(nlri, old);
        }
        withdrawals.add(nlri);
    }

    /** Asks for an End-of-RIB marker (RFC 4724 §2) once everything queued before it is sent. */
    public void requestEndOfRib() {
        endOfRib = true;
    }

    public boolean isEmpty() {
        return buckets.isEmpty() && withdrawals.isEmpty() && !endOfRib;
    }

    /** The number of NLRIs waiting (announcements and withdrawals). */
    public int size() {
        return pending.size() + withdrawals.size();
    }

    /** The pending announcements by attribute set (read-only use by the packer and tests). */
    Map<AttributeSet, LinkedHashSet<Nlri>> buckets() {
        return buckets;
    }

    Set<Nlri> withdrawals() {
        return withdrawals;
    }

    boolean isEndOfRibRequested() {
        return endOfRib;
    }

    void clearEndOfRib() {
        endOfRib = false;
    }

    /** Takes {@code nlri} out of the queue after the packer put it in a message. */
    void sent(Nlri nlri) {
        AttributeSet a = pending.remove(nlri);
        if (a != null) {
            removeFromBucket(nlri, a);
        } else {
            withdrawals.remove(nlri);
        }
    }

    /** The first bucket's attributes, or {@code null} when no announcement is pending. */
    AttributeSet firstBucket() {
        Iterator<AttributeSet> it = buckets.keySet().iterator();
        return it.hasNext() ? it.next() : null;
    }

    private void removeFromBucket(Nlri nlri, AttributeSet attrs) {
        LinkedHashSet<Nlri> b = buckets.get(attrs);
        b.remove(nlri);
        if (b.isEmpty()) {
            buckets.remove(attrs);
        }
    }
}
