/**
 * DOC: the BGP decision process (RFC 4271 §9.1).
 *
 * <p>{@link io.jbgp.rib.decision.DecisionProcess} is one short file: the RFC text, what we
 * implement, then the comparator as a flat list of numbered steps, each returning a
 * {@link io.jbgp.rib.decision.Verdict} that names the {@link io.jbgp.rib.decision.DecisionStep}
 * that decided, so "show rib" can say why a path won or lost. Ranking uses deterministic MED by
 * default, which makes the result independent of arrival order; the property tests check that,
 * antisymmetry, and transitivity where MED does not apply.
 *
 * <p>{@link io.jbgp.rib.decision.DecisionKeys} is the same decision for the Loc-RIB's hot path:
 * the best path and ECMP set after each change in O(n), from two {@code long}s of decision inputs
 * cached per candidate, without allocating and mostly without reading the routes; the full
 * ranking runs only for "show" and snapshots. KeyedBestPathProperties checks that it picks the
 * head of the ranking, its runner-up and ECMP set for every option set.
 *
 * <p>Pure functions over immutable routes: safe on any thread, never logs, never touches the FIB.
 * The one piece of state, DecisionKeys' numbering of neighbor addresses for exact source tags,
 * only grows (to 2048 entries) and is a concurrent map.
 */
package io.jbgp.rib.decision;
