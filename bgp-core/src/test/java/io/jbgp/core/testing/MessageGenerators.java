package io.jbgp.core.testing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.Capability.AddPath;
import io.jbgp.core.message.Capability.GracefulRestart;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.OptionalParameter;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.Bytes;
import io.jbgp.core.types.RouterId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for every message but UPDATE: OPEN (all capability kinds, unknown
 * capabilities, several parameters, sometimes big enough for the RFC 9072 form), NOTIFICATION,
 * ROUTE-REFRESH and KEEPALIVE. Everything generated is encodable: OPENs stay within 4096 octets
 * and capability values within 255.
 */
public final class MessageGenerators {
    /** Codes with a record of their own; unknown capabilities avoid them so they stay unknown. */
    private static final Set<Integer> KNOWN_CAPABILITIES = Set.of(Capability.MULTIPROTOCOL,
            Capability.ROUTE_REFRESH, Capability.EXTENDED_MESSAGE, Capability.BGP_ROLE,
            Capability.GRACEFUL_RESTART, Capability.FOUR_OCTET_AS, Capability.ADD_PATH,
            Capability.ENHANCED_ROUTE_REFRESH, Capability.HOSTNAME);
    /** A few non-ASCII names, so hostnames exercise multi-octet UTF-8. */
    private static final List<String> NAMES = List.of("", "r1", "router-ü", "路由器", "edge.example");

    private MessageGenerators() {}

    /** Raw byte arrays of a length from the given generator. */
    public static Gen<byte[]> bytes(Gen<Integer> sizes) {
        return Generate.byteArrays(sizes, Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    /** Mostly IPv4/IPv6 unicast, sometimes any AFI/SAFI. */
    public static Gen<AddressFamily> families() {
        Gen<AddressFamily> any = integers().between(0, 0xFFFF).zip(integers().between(0, 0xFF), AddressFamily::of);
        return Generate.pick(List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)).mix(any, 30);
    }

    public static Gen<RouterId> routerIds() {
        return integers().all().map(RouterId::of);
    }

    /** Every capability kind, unknown ones included. */
    public static Gen<Capability> capabilities() {
        Gen<Capability> multiProtocol = families().map(Capability.MultiProtocol::new);
        Gen<Capability> fixed = Generate.pick(List.of(new Capability.RouteRefresh(),
                new Capability.EnhancedRouteRefresh(), new Capability.ExtendedMessage()));
        Gen<Capability> fourOctetAs = longs().between(0, Asn.MAX).map(v -> new Capability.FourOctetAs(Asn.of(v)));
        Gen<GracefulRestart.Family> grFamily = families().zip(integers().between(0, 0xFF), GracefulRestart.Family::new);
        Gen<Capability> gracefulRestart = integers().between(0, 0xF).zip(integers().between(0, 0xFFF),
                lists().of(grFamily).ofSizeBetween(0, 5),
                GracefulRestart::new);
        Gen<AddPath.Entry> addPathEntry = families().zip(Generate.enumValues(AddPath.Mode.class), AddPath.Entry::new);
        Gen<Capability> addPath = lists().of(addPathEntry)
                .ofSizeBetween(0, 5).map(AddPath::new);
        Gen<Capability> role = Generate.enumValues(Capability.Role.class).map(Capability.BgpRole::new);
        Gen<String> names = Generate.pick(NAMES).mix(strings().basicLatinAlphabet().ofLengthBetween(0, 64), 60);
        Gen<Capability> hostname = names.zip(names, Capability.Hostname::new);
        return Generate.oneOf(multiProtocol, fixed, fourOctetAs, gracefulRestart, addPath, role, hostname,
                unknownCapabilities(integers().between(0, 24)));
    }

    /** Capabilities with a code we do not interpret, and a value of the given sizes. */
    public static Gen<Capability> unknownCapabilities(Gen<Integer> sizes) {
        Gen<Integer> codes = integers().between(0, 255).assuming(c -> !KNOWN_CAPABILITIES.contains(c));
        return codes.zip(bytes(sizes), (code, value) -> new Capability.UnknownCapability(code, Bytes.wrap(value)));
    }

    /** A capabilities parameter: usually a few capabilities, rarely a big unknown one. */
    public static Gen<OptionalParameter> capabilityParameters() {
        Gen<Capability> cap = capabilities().mix(unknownCapabilities(integers().between(100, 255)), 5);
        return lists().of(cap).ofSizeBetween(0, 6)
                .map(OptionalParameter.Capabilities::new);
    }

    /**
     * OPENs with 0..5 parameters. About one in six is larger than 255 octets of parameters, so the
     * writer has to choose the RFC 9072 form; none exceeds 4096 octets.
     */
    public static Gen<OpenMessage> opens() {
        Gen<List<OptionalParameter>> params = lists()
                .of(capabilityParameters()).ofSizeBetween(0, 5);
        Gen<Integer> versions = Generate.constant(OpenMessage.VERSION).mix(integers().between(0, 255), 10);
        Gen<Integer> holdTimes = Generate.pick(List.of(0, 3, 90, 180)).mix(integers().between(0, 0xFFFF), 40);
        Gen<OpenMessage> open = versions.zip(integers().between(0, 0xFFFF), holdTimes, routerIds(), params,
                OpenMessage::new);
        return open.assuming(o -> estimatedLength(o) <= 4096);
    }

    /** NOTIFICATIONs: every known error, unknown codes, and Cease with a shutdown communication. */
    public static Gen<NotificationMessage> notifications() {
        Gen<NotificationMessage> known = Generate.enumValues(BgpError.class)
                .zip(bytes(integers().between(0, 40)), BgpError::toNotification);
        Gen<NotificationMessage> any = integers().between(0, 255).zip(integers().between(0, 255),
                bytes(integers().between(0, 300)), NotificationMessage::new);
        Gen<NotificationMessage> shutdown = Generate.pick(List.of(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN,
                BgpError.CEASE_ADMINISTRATIVE_RESET)).zip(
                Generate.pick(NAMES).mix(strings().basicLatinAlphabet().ofLengthBetween(0, 300), 70),
                NotificationMessage::cease);
        return Generate.oneOf(known, any, shutdown);
    }

    /** ROUTE-REFRESH for any family, with subtypes 0..2 mostly and reserved ones sometimes. */
    public static Gen<RouteRefreshMessage> routeRefreshes() {
        Gen<Integer> subtypes = integers().between(0, 2).mix(integers().between(0, 255), 20);
        return families().zip(subtypes, RouteRefreshMessage::new);
    }

    public static Gen<KeepaliveMessage> keepalives() {
        return Generate.constant(KeepaliveMessage.INSTANCE);
    }

    /** Any message but UPDATE. */
    public static Gen<BgpMessage> messages() {
        return Generate.oneOf(opens().map(m -> (BgpMessage) m), notifications().map(m -> (BgpMessage) m),
                routeRefreshes().map(m -> (BgpMessage) m), keepalives().map(m -> (BgpMessage) m));
    }

    /** An upper bound of the encoded length, to keep generated OPENs under 4096 octets. */
    private static int estimatedLength(OpenMessage open) {
        int length = 19 + 10 + 3;
        for (OptionalParameter p : open.parameters()) {
            length += 3;
            for (Capability c : ((OptionalParameter.Capabilities) p).capabilities()) {
                length += 2 + estimatedValueLength(c);
            }
        }
        return length;
    }

    private static int estimatedValueLength(Capability c) {
        if (c instanceof Capability.UnknownCapability u) {
            return u.value().length();
        }
        if (c instanceof Capability.Hostname h) {
            return 2 + h.hostname().getBytes(StandardCharsets.UTF_8).length
                    + h.domain().getBytes(StandardCharsets.UTF_8).length;
        }
        if (c instanceof GracefulRestart g) {
            return 2 + 4 * g.families().size();
        }
        if (c instanceof AddPath a) {
            return 4 * a.entries().size();
        }
        return 4;
    }
}
