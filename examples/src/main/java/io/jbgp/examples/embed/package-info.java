/**
 * DOC: embedding jbgp in a host program (EMBEDDING.md shows the same code).
 * {@link io.jbgp.examples.embed.EmbeddedSpeaker} wires a {@code RibExecutor}, a {@code Rib} with
 * the host's own {@code FibSink}, a {@code NettyBgpSpeaker} and the {@code RibPeerEventHandler}
 * between them; the host adds neighbors, announces prefixes and listens to {@code SpeakerEvent}s.
 * {@link io.jbgp.examples.embed.EmbeddingExample} starts one with a printing FIB sink.
 */
package io.jbgp.examples.embed;
