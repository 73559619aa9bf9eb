package io.jbgp.rib.show;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.rib.RibSnapshot;

/** Renders a {@link RibSnapshot} for "show rib" and "show fib" (bgpctl output back-ends). */
public interface RibFormatter {

    /** Every candidate of every prefix of a family, best first. */
    String rib(RibSnapshot snapshot, AddressFamily family);

    /** The forwarding table. */
    String fib(RibSnapshot snapshot);
}
