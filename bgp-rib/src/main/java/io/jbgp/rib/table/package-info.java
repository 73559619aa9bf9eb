/**
 * DOC: the routing table layers.
 *
 * <p>{@link io.jbgp.rib.table.AdjRibIn} keeps, per neighbor and family, what was received before
 * import policy and what the policy accepted (so a policy change is a re-run, not a session
 * reset); a path accepted as received is the Loc-RIB's route itself, so only rejected or
 * modified paths take room of their own. {@link io.jbgp.rib.table.PrefixTable} is the compact
 * prefix-keyed map of the per-neighbor tables. {@link io.jbgp.rib.table.LocRib} keeps, per family and sorted by prefix, a
 * {@link io.jbgp.rib.table.Destination} with every candidate {@link io.jbgp.rib.table.Route}
 * (keyed by source and ADD-PATH path id), plus the best and the ECMP set; the full ranking is
 * computed on demand. Lookups go through hash tables (IPv4: an open-addressing table of packed
 * prefixes); the sorted map is touched only when a prefix appears or disappears. Ineligible routes (AS loop, unreachable next hop, reflection loops) stay for "show"
 * and never win.
 *
 * <p>Mutations return {@code Optional<BestPathChange>} values instead of calling anything: the
 * {@code Rib} fans changes out to the forwarding table, export and listeners. Local origination
 * is a {@link io.jbgp.rib.table.LocalSource}, a route source like a neighbor.
 *
 * <p>Everything here is owned by the RIB executor and is not thread-safe; routes and changes
 * are immutable values that may be handed to other threads.
 */
package io.jbgp.rib.table;
