/**
 * DOC: what we advertise.
 *
 * <p>For each neighbor, {@link io.jbgp.rib.out.ExportRules} turns the Loc-RIB best path into
 * what the neighbor should have: built-in rules first (never back to the sender, no iBGP to iBGP
 * re-advertisement, NO_ADVERTISE / NO_EXPORT / NO_EXPORT_SUBCONFED, RFC 8212, and for eBGP: our
 * AS prepended, next hop self unless third-party on a shared subnet, no LOCAL_PREF, no foreign
 * MED), then the user's export policy. {@link io.jbgp.rib.out.AdjRibOut} records the result per
 * prefix and queues only real changes in an {@link io.jbgp.rib.out.UpdateQueue} grouped by
 * attribute set; {@link io.jbgp.rib.out.UpdatePacker} turns a queue into UPDATEs within the
 * negotiated maximum length (withdrawals first, End-of-RIB last). The
 * {@link io.jbgp.rib.out.TableFeeder} walks the Loc-RIB in chunks for the initial feed and after
 * an export policy change; a ROUTE-REFRESH re-queues the Adj-RIB-Out itself (RFC 2918), wrapped
 * in BoRR/EoRR when RFC 7313 was negotiated.
 *
 * <p>Only the best path is advertised (no ADD-PATH send of several paths). Owned by the RIB
 * executor; not thread-safe.
 */
package io.jbgp.rib.out;
