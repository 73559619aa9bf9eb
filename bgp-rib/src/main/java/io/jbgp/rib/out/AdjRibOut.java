package io.jbgp.rib.out;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import io.jbgp.rib.table.PrefixTable;

/**
 * What we advertise to one neighbor (RFC 4271 §3.2 Adj-RIB-Out): for each prefix the attributes
 * after export, and the queue of changes not yet sent. Setting a prefix to what it already has
 * is a no-op (OpenBGPD {@code adjout_prefix_update}: "nothing changed"), so re-running export
 * after any event is always safe. Only the best path is advertised (no ADD-PATH send). Owned by
 * the RIB executor; not thread-safe.
 */
public final class AdjRibOut {

    // hashed: every export looks its prefix up; sorted only when copied or re-sent. IPv4 keys
    // packed in an open-addressing table: each neighbor holds one entry per best path exported
    // to it, so a HashMap node and its key object cost ~40 B of every path with 16 neighbors
    private final Map<AddressFamily, PrefixTable<AttributeSet>> advertised = new HashMap<>(4);
    private final Map<AddressFamily, UpdateQueue> queues = new HashMap<>();

    /**
     * Sets what the neighbor should have for {@code prefix}: attributes, or {@code null} for
     * nothing. Returns whether something was queued.
     *
     * @param prefix the destination
     * @param attrs the attributes to advertise after export policy, or {@code null} to withdraw
     * @return true when this changed what the neighbor should have, so an UPDATE was queued
     */
    public boolean set(IpPrefix prefix, AttributeSet attrs) {
        AddressFamily f = prefix.family();
        PrefixTable<AttributeSet> t = advertised.get(f);
        if (t == null) {
            if (attrs == null) {
                return false; // nothing advertised in this family: nothing to withdraw
            }
            t = new PrefixTable<>();
            advertised.put(f, t);
        }
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

    /**
     * What is advertised for a prefix, or {@code null}.
     *
     * @param prefix the destination
     * @return the attributes last queued for the neighbor, or {@code null}
     */
    public AttributeSet get(IpPrefix prefix) {
        PrefixTable<AttributeSet> t = advertised.get(prefix.family());
        return t == null ? null : t.get(prefix);
    }

    /**
     * An immutable copy of what is advertised in a family, sorted by prefix.
     *
     * @param family an address family
     * @return a snapshot, prefix order
     */
    public Map<IpPrefix, AttributeSet> advertised(AddressFamily family) {
        return Collections.unmodifiableMap(sorted(family));
    }

    /**
     * How many prefixes are advertised in a family (O(1)).
     *
     * @param family an address family
     * @return the number of prefixes the neighbor should have from us
     */
    public int size(AddressFamily family) {
        PrefixTable<AttributeSet> t = advertised.get(family);
        return t == null ? 0 : t.size();
    }

    /**
     * Queues everything advertised in a family again (answering a ROUTE-REFRESH, RFC 2918 §4).
     * What the neighbor has stays known, so a withdrawal that comes before the re-send is sent
     * is still queued correctly.
     *
     * @param family the family the neighbor asked to refresh
     */
    public void resend(AddressFamily family) {
        UpdateQueue q = queue(family);
        sorted(family).forEach((p, a) -> q.announce(Nlri.of(p), a));
    }

    private TreeMap<IpPrefix, AttributeSet> sorted(AddressFamily family) {
        TreeMap<IpPrefix, AttributeSet> out = new TreeMap<>();
        PrefixTable<AttributeSet> t = advertised.get(family);
        if (t != null) {
            t.forEach(out::put);
        }
        return out;
    }

    /**
     * The change queue of a family.
     *
     * @param family an address family
     * @return the family's queue, created on first use
     */
    public UpdateQueue queue(AddressFamily family) {
        return queues.computeIfAbsent(family, UpdateQueue::new);
    }

    /** {@return the families with a queue} */
    public Iterable<UpdateQueue> queues() {
        return queues.values();
    }
}
