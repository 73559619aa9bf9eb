/**
 * DOC: rendering RIB snapshots for people.
 *
 * <p>Formatters only read an immutable {@link io.jbgp.rib.RibSnapshot}; they run on any thread
 * and never touch the live RIB. {@link io.jbgp.rib.show.TextRibFormatter} mimics bgpctl's
 * {@code show rib} table with one extra column: why each candidate won or lost;
 * {@link io.jbgp.rib.show.JsonRibFormatter} writes the same content as stable, hand-written JSON.
 */
package io.jbgp.rib.show;
