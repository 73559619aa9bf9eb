/**
 * DOC: bgpctl for the demo daemon: output formats, the control protocol, its socket.
 *
 * <p>Three layers, each testable alone:
 * <ul>
 *   <li><b>Views and formatting.</b> The daemon describes its state as plain records
 *       ({@link io.jbgp.examples.ctl.NeighborView}, {@link io.jbgp.examples.ctl.NeighborDetailView},
 *       {@link io.jbgp.examples.ctl.RibRowView}, {@link io.jbgp.examples.ctl.NexthopView},
 *       {@link io.jbgp.examples.ctl.FibRowView}, {@link io.jbgp.examples.ctl.NetworkView});
 *       no view has a field for a password, so no command can print one;
 *       {@link io.jbgp.examples.ctl.BgpctlText} prints them the way OpenBGPD's bgpctl does
 *       (columns checked against bgpctl 7.7), {@link io.jbgp.examples.ctl.BgpctlJson} as JSON
 *       with stable snake_case names (schema in its Javadoc).</li>
 *   <li><b>Commands.</b> {@link io.jbgp.examples.ctl.ControlCommandParser} turns a request line
 *       ({@code [-j] show rib 198.51.100.0/24 detail}) into a
 *       {@link io.jbgp.examples.ctl.ControlCommand}, or a message for the operator; it never
 *       throws. {@link io.jbgp.examples.ctl.ControlDispatcher} asks the daemon's
 *       {@link io.jbgp.examples.ctl.ControlTarget} and formats the answer; a failing target
 *       becomes an error response.</li>
 *   <li><b>Transport.</b> {@link io.jbgp.examples.ctl.ControlServer} listens on a Unix-domain
 *       socket (mode 0600, one request per connection, length-prefixed answers: see
 *       {@link io.jbgp.examples.ctl.ControlResponse}); {@link io.jbgp.examples.ctl.Bgpctl} is
 *       the command-line client.</li>
 * </ul>
 *
 * <p>Threading: the server has one acceptor thread and two workers; {@code ControlTarget}
 * methods run on a worker and must fetch snapshots from the threads that own the data (the RIB
 * executor), never touch RIB structures directly. Every socket read and write is bounded by a
 * deadline, so a stuck client cannot hold a worker.
 *
 * <p>Not here: the daemon itself, and how it fills the views.
 */
package io.jbgp.examples.ctl;
