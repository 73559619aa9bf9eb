package io.jbgp.benchmarks.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;

/**
 * Asks a target daemon, through its own control interface, how many prefixes it holds from the
 * feeder. Each implementation speaks one daemon's interface directly (no process per question),
 * so that a poll costs the target little; what a poll still costs is the target's, and is said in
 * each class.
 */
interface TargetProbe extends AutoCloseable {

    /** {@return a short name for reports: "jbgp", "frr", ...} */
    String name();

    /**
     * The number of prefixes received from {@code neighbor} that the target reports now.
     *
     * @return the count, or -1 when the target does not know the neighbor (yet)
     * @throws IOException when the target cannot be asked
     */
    long received() throws IOException;

    @Override
    void close();

    /**
     * A probe from its command-line form: {@code jbgp:SOCKET}, {@code frr:VTY_DIR} or
     * {@code openbgpd:SOCKET}.
     */
    static TargetProbe parse(String spec, InetAddress neighbor) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("probe: expected KIND:PATH, got " + spec);
        }
        Path path = Path.of(spec.substring(colon + 1));
        return switch (spec.substring(0, colon)) {
            case "jbgp" -> new JbgpProbe(path, neighbor);
            case "frr" -> new FrrProbe(path, neighbor);
            case "openbgpd" -> new OpenBgpdProbe(path, neighbor);
            default -> throw new IllegalArgumentException("probe: unknown kind in " + spec
                    + " (jbgp, frr or openbgpd)");
        };
    }
}
