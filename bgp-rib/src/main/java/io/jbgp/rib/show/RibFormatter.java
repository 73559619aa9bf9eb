package io.jbgp.rib.show;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.rib.RibSnapshot;

/** Renders a {@link RibSnapshot} for "show rib" and "show fib" (bgpctl output back-ends). */
public interface RibFormatter {

    /**
     * Every candidate of every prefix of a family, best first.
     *
     * @param snapshot a consistent copy of the RIB
     * @param family the family to print
     * @return the formatted text
     */
    String rib(RibSnapshot snapshot, AddressFamily family);

    /**
     * The forwarding table.
     *
     * @param snapshot a consistent copy of the RIB
     * @return the formatted text
     */
    String fib(RibSnapshot snapshot);
}
