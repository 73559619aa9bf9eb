/**
 * DOC: import and export policies.
 *
 * <p>A policy is a function from a {@link io.jbgp.rib.policy.RouteContext} (prefix, attributes,
 * source, neighbor) to a {@link io.jbgp.rib.policy.PolicyResult}: accept with possibly modified
 * attributes, or reject with a reason. {@link io.jbgp.rib.policy.ImportPolicy} runs between the
 * pre- and post-policy Adj-RIB-In; {@link io.jbgp.rib.policy.ExportPolicy} runs after the
 * built-in export rules. {@link io.jbgp.rib.policy.Policies} has {@code allowAll}, {@code denyAll}
 * and {@code chain}; {@link io.jbgp.rib.policy.RulePolicy} is the typed rule form with
 * {@link io.jbgp.rib.policy.Match}es (prefix lists with length ranges, AS path, communities,
 * neighbor) and {@link io.jbgp.rib.policy.Action}s (LOCAL_PREF, MED, prepend, communities, next
 * hop).
 *
 * <p>RFC 8212: an eBGP neighbor with no import (export) policy accepts (announces) nothing, and
 * its status in the snapshot says so; {@code RibConfig.withRfc8212(false)} restores the old
 * behaviour. Policies run on the RIB executor and must be pure, quick and non-blocking.
 */
package io.jbgp.rib.policy;
