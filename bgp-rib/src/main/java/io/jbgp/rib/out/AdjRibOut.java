package io.jbgp.rib.out;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What we advertise to one neighbor (RFC 4271 §3.2 Adj-RIB-Out): for each prefix the attributes
 * after export, and the queue of changes not yet sent. Setting a prefix to what it already has
 * is a no-op (OpenBGPD {@code adjout_prefix_update}: "nothing changed"), so re-running export
 * after any event is always safe. Only the best path is advertised (no ADD-PATH send). Owned by
 * the RIB executor; not thread-safe.
 */
public final class AdjRibOut {

    private final Map<AddressFamily, TreeMap<IpPrefix, AttributeSet>> advertised = new HashMap<>();
    private final Map<AddressFamily, UpdateQueue> queues = new HashMap<>();

    /**
     * Sets what the neighbor should have for {@code prefix}: attributes, or {@code null} for
     * nothing. Returns whether something was queued.
     */
    public boolean set(IpPrefix prefix, AttributeSet attrs) {
        AddressFamily f = prefix.family();
        TreeMap<IpPrefix, AttributeSet> t = advertised.computeIfAbsent(f, k -> new TreeMap<>());
        AttributeSet old = attrs == null ? t.remove(prefix) : t.put(prefix, attrs);
        if (attrs == null ? old == null : attrs.equals(old)) {
            return false;
        }
        if (attrs == null) {
            queue(f).withdraw(Nlri.of(prefix));
        } else {
            queue(f).announce(Nlri.of(prefix), attrs);
        }
        return true;
    }

    /** What is advertised for a prefix, or {@code null}. */
    public AttributeSet get(IpPrefix prefix) {
        TreeMap<IpPrefix, AttributeSet> t = advertised.get(prefix.family());
        return t == null ? null : t.get(prefix);
    }

    /** An immutable copy of what is advertised in a family, sorted by prefix. */
    public Map<IpPrefix, AttributeSet> advertised(AddressFamily family) {
        return Collections.unmodifiableMap(new TreeMap<>(advertised.getOrDefault(family, new TreeMap<>())));
    }

    /**
     * Forgets what was advertised in a family, keeping queued changes, so the next walk of the
     * Loc-RIB re-announces everything (answering a ROUTE-REFRESH, RFC 2918 §4).
     */
    public void forget(AddressFamily family) {
        advertised.remove(family);
    }

    /** The change queue of a family. */
    public UpdateQueue queue(AddressFamily family) {
        return queues.computeIfAbsent(family, UpdateQueue::new);
    }

    /** The families with a queue. */
    public Iterable<UpdateQueue> queues() {
        return queues.values();
    }
}
