package io.jbgp.examples.ctl;

import io.jbgp.core.types.IpPrefix;
import java.net.InetAddress;
import java.util.Optional;

/**
 * What {@code show rib} asks for.
 *
 * @param prefix only this prefix (exact), if given
 * @param address only the most specific prefixes covering this address, if given (bgpctl's
 *     {@code show rib 198.51.100.7})
 * @param neighbor only paths learned from this neighbor
 * @param selectedOnly only best paths ({@code selected})
 * @param detail the multi-line format with the decision reason
 */
public record RibQuery(
        Optional<IpPrefix> prefix, Optional<InetAddress> address, Optional<InetAddress> neighbor,
        boolean selectedOnly, boolean detail) {

    /** The whole Loc-RIB, one line per path. */
    public static final RibQuery ALL = new RibQuery(Optional.empty(), Optional.empty(),
            Optional.empty(), false, false);
}
