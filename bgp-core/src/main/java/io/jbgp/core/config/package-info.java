/**
 * DOC: configuration model.
 *
 * <p>Plain records with builders: {@link io.jbgp.core.config.SpeakerConfig} for the local speaker
 * (AS, router id, listeners, default timers), {@link io.jbgp.core.config.PeerConfig} per neighbor
 * and {@link io.jbgp.core.config.TimerConfig} for the RFC 4271 §10 timers, the IdleHold back-off
 * and the RFC 9687 send hold timer. They hold data only; no validation beyond ranges happens
 * here, and nothing in this package starts threads or touches the network.
 *
 * <p>Policies are not part of {@code PeerConfig} because they are {@code bgp-rib} types; the
 * speaker facade pairs a {@code PeerConfig} with its import and export policies.
 *
 * <p>Null policy: no field is null; absent values are {@code Optional}s or empty collections.
 * The MD5 password is masked in {@code toString()}.
 */
package io.jbgp.core.config;
