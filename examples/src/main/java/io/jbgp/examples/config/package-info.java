/**
 * DOC: the demo daemon's configuration language, OpenBGPD's bgpd.conf.
 *
 * <p>The peer demo must run the write-up's pfSense "Raw config" unchanged, so it speaks the
 * subset of bgpd.conf(5) that pfSense's OpenBGPD package writes: macros, {@code AS},
 * {@code router-id}, {@code listen on}, {@code socket}, {@code holdtime}, {@code connect-retry},
 * {@code fib-update}, {@code prefix-set}, every {@code network} form, {@code group} and
 * {@code neighbor} blocks, and {@code allow|deny|match} filter rules. The grammar is in
 * {@link io.jbgp.examples.config.BgpdConfigParser}'s Javadoc; {@code examples/conf/README.md}
 * has it with examples.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Whatever the parser accepts, OpenBGPD 7.7's {@code bgpd -n} accepts too and reads the
 *       same way (quoting, escapes, ranges, "no such peer"), except for the two documented
 *       extensions: {@code ;} as a line end and the {@link io.jbgp.examples.config.LeakGuard}
 *       options. A property test runs generated configs through the real bgpd.</li>
 *   <li>Nothing is silently ignored: an unsupported keyword is a
 *       {@link io.jbgp.examples.config.ConfigException} naming file and line.</li>
 *   <li>{@code parse(renderWithSecrets(c)).equals(c)}: the writer prints back exactly the model
 *       (a property test checks it); {@code render} masks MD5 passwords.</li>
 *   <li>The model keeps the file's shape (group settings apart from neighbor settings);
 *       {@link io.jbgp.examples.config.BgpdConfig#resolvedNeighbors()} is the merged view that
 *       a later step maps onto {@code io.jbgp.core.config.PeerConfig}.</li>
 * </ul>
 *
 * <p>Everything here is immutable records plus a single-use parser; no threads. Optional
 * values are {@code Optional}/{@code OptionalInt}; nothing is null.
 *
 * <p>Not here: the mapping to the library's {@code SpeakerConfig}/{@code PeerConfig} and policy
 * types, filter evaluation, and reading system routes for {@code network inet connected}.
 */
package io.jbgp.examples.config;
