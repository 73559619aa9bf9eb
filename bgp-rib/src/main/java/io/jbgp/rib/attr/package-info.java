/**
 * DOC: interned path attributes.
 *
 * <p>Routes in the RIB never hold raw {@code PathAttributes}; they hold an {@link
 * io.jbgp.rib.attr.AttributeSet}: the fields the decision process reads (origin, AS path, BGP
 * next hop, MED, LOCAL_PREF) as plain fields, a separately interned {@link
 * io.jbgp.rib.attr.CommunitySet}, and every other attribute sorted by type code. Sets are
 * immutable and hash-cached, and {@link io.jbgp.rib.attr.AttributeInterner} makes equal sets the
 * same object (OpenBGPD {@code path_lookup}, BIRD {@code rta_lookup}), so a full table stores a
 * few hundred thousand distinct sets for a million prefixes.
 *
 * <p>Interning happens at two boundaries only: after import policy (what enters the Loc-RIB) and
 * after export policy (what enters an Adj-RIB-Out bucket). Equality is always deep, so code that
 * forgets to intern is slower, never wrong. Everything here is immutable and thread-safe; null
 * is used only for the "self" next hop of locally originated routes.
 */
package io.jbgp.rib.attr;
