/**
 * DOC: the peer demo daemon. {@link io.jbgp.examples.bgpd.Bgpd} brings a parsed bgpd.conf to
 * life by composing the library: a {@code NettyBgpSpeaker} whose callbacks run on the RIB
 * executor, a {@code Rib} fed through {@code RibPeerEventHandler}, a {@code Redistributor} for the
 * {@code network} statements fed by a {@code SystemRouteSource}, and the forwarding table going to
 * a {@code FibSink} (the kernel's with {@code fib-update yes}). It answers the control socket
 * ({@code ControlTarget}) from RIB snapshots and applies {@code reload} as a difference: added
 * neighbors start, removed ones stop, changed session settings reset only that session, and
 * filter changes are re-run by the RIB without touching sessions.
 *
 * <p>{@link io.jbgp.examples.bgpd.FilterPolicy} gives bgpd.conf's filter rules their OpenBGPD
 * meaning (last match decides, {@code quick} stops, every match's {@code set} applies, default
 * deny). {@link io.jbgp.examples.bgpd.BgpdMain} is {@code bgpd -f FILE [-s SOCKET] [-n] [-d]};
 * {@link io.jbgp.examples.bgpd.Main} dispatches the shaded jar to bgpd, bgpctl or the demo.
 *
 * <p>Threading: routing state is written only on the RIB executor; reconfiguration is serialised
 * on the {@code Bgpd} monitor; control-socket threads only read snapshots, waiting at most five
 * seconds. What the library does not offer yet and is adapted here: loopback (and its IPv4-mapped
 * IPv6 form) counts as connected for next-hop resolution, the leak guard's include lists filter
 * the redistributor's output, and session uptimes come from the speaker's events.
 */
package io.jbgp.examples.bgpd;
