package io.jbgp.core.fuzz;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link CodecContext} a fuzz input asks for, from its first octet, so that the fuzzer explores
 * every negotiated wire format with the same target and a corpus file says which one it is in.
 * <pre>
 *   bit 0  4-octet AS (RFC 6793)
 *   bit 1  Extended Message (RFC 8654): 65535-octet messages
 *   bit 2  ADD-PATH receive and send for IPv4 unicast (RFC 7911)
 *   bit 3  ADD-PATH receive and send for IPv6 unicast
 *   bit 4  IPv4 unicast only (as before the OPEN exchange); else IPv4 and IPv6 unicast
 *   bits 5..7 ignored
 * </pre>
 * ADD-PATH is only ever on for a negotiated family, as negotiation would leave it. Public for the
 * session fuzz target of bgp-netty, whose peer advertises the capabilities these bits name.
 */
public final class FuzzContexts {
    public static final int FOUR_OCTET_AS = 1;
    public static final int EXTENDED_MESSAGE = 1 << 1;
    public static final int ADD_PATH_IPV4 = 1 << 2;
    public static final int ADD_PATH_IPV6 = 1 << 3;
    public static final int IPV4_ONLY = 1 << 4;

    private FuzzContexts() {}

    /** The context selected by {@code flags} (an input's first octet). */
    public static CodecContext of(int flags) {
        Set<AddressFamily> families = (flags & IPV4_ONLY) != 0
                ? Set.of(AddressFamily.IPV4_UNICAST)
                : Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST);
        Set<AddressFamily> addPath = new HashSet<>();
        if ((flags & ADD_PATH_IPV4) != 0) {
            addPath.add(AddressFamily.IPV4_UNICAST);
        }
        if ((flags & ADD_PATH_IPV6) != 0 && families.contains(AddressFamily.IPV6_UNICAST)) {
            addPath.add(AddressFamily.IPV6_UNICAST);
        }
        return new CodecContext((flags & FOUR_OCTET_AS) != 0, (flags & EXTENDED_MESSAGE) != 0, families,
                addPath, addPath);
    }

    /** The flags octet that selects {@code ctx} (inverse of {@link #of} for the contexts it makes). */
    public static int flags(CodecContext ctx) {
        int flags = 0;
        flags |= ctx.fourOctetAs() ? FOUR_OCTET_AS : 0;
        flags |= ctx.extendedMessage() ? EXTENDED_MESSAGE : 0;
        flags |= ctx.isAddPathReceive(AddressFamily.IPV4_UNICAST) ? ADD_PATH_IPV4 : 0;
        flags |= ctx.isAddPathReceive(AddressFamily.IPV6_UNICAST) ? ADD_PATH_IPV6 : 0;
        flags |= ctx.families().contains(AddressFamily.IPV6_UNICAST) ? 0 : IPV4_ONLY;
        return flags;
    }

    /**
     * A peer's OPEN advertising what {@code flags} name (ADD-PATH in both directions), hold time
     * 90 s: against a local side that advertises everything, it negotiates {@code of(flags)}.
     */
    public static OpenMessage peerOpen(int flags, Asn asn, RouterId id) {
        List<Capability> caps = new ArrayList<>();
        caps.add(new Capability.MultiProtocol(AddressFamily.IPV4_UNICAST));
        if ((flags & IPV4_ONLY) == 0) {
            caps.add(new Capability.MultiProtocol(AddressFamily.IPV6_UNICAST));
        }
        caps.add(new Capability.RouteRefresh());
        if ((flags & FOUR_OCTET_AS) != 0) {
            caps.add(new Capability.FourOctetAs(asn));
        }
        if ((flags & EXTENDED_MESSAGE) != 0) {
            caps.add(new Capability.ExtendedMessage());
        }
        List<Capability.AddPath.Entry> addPath = new ArrayList<>();
        if ((flags & ADD_PATH_IPV4) != 0) {
            addPath.add(new Capability.AddPath.Entry(AddressFamily.IPV4_UNICAST, Capability.AddPath.Mode.BOTH));
        }
        if ((flags & ADD_PATH_IPV6) != 0 && (flags & IPV4_ONLY) == 0) {
            addPath.add(new Capability.AddPath.Entry(AddressFamily.IPV6_UNICAST, Capability.AddPath.Mode.BOTH));
        }
        if (!addPath.isEmpty()) {
            caps.add(new Capability.AddPath(addPath));
        }
        return OpenMessage.of(asn, 90, id, caps);
    }
}
