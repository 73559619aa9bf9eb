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
 * <p>Pure functions over immutable routes: safe on any thread, never logs, never touches the FIB.
 */
package io.jbgp.rib.decision;
