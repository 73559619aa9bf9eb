package io.jbgp.rib.show;

import static io.jbgp.rib.TestRoutes.LOCAL_AS;
import static io.jbgp.rib.TestRoutes.LOCAL_ID;
import static io.jbgp.rib.TestRoutes.addr;
import static io.jbgp.rib.TestRoutes.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.RecordingOutbound;
import io.jbgp.rib.Rib;
import io.jbgp.rib.RibCommand;
import io.jbgp.rib.RibConfig;
import io.jbgp.rib.RibExecutor;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.policy.Policies;
import io.jbgp.rib.table.LocalSource;
import io.jbgp.rib.table.Neighbor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextRibFormatterTest {

    @Test
    void showsFlagsAttributesAndReasons() {
        Rib rib = new Rib(RibConfig.of(LOCAL_AS, LOCAL_ID), RibExecutor.direct());
        rib.post(new RibCommand.SystemRouteChanged(SystemRoute.connected(prefix("10.0.0.0/24"), "eth0"), true));
        for (int n = 2; n <= 3; n++) {
            Neighbor nb = Neighbor.of(addr("10.0.0." + n), Asn.of(65000 + n), RouterId.parse("10.0." + n + ".1"),
                    LOCAL_AS, addr("10.0.0.1"));
            rib.post(new RibCommand.PeerUp(nb, CodecContext.DEFAULT, new RecordingOutbound(),
                    Optional.of(Policies.allowAll()), Optional.of(Policies.allowAll())));
        }
        AttributeSet a = AttributeSet.builder().asPath(AsPath.sequence(65002, 65010)).nextHop(addr("10.0.0.2")).med(5)
                .build();
        AttributeSet b = AttributeSet.builder().asPath(AsPath.sequence(65003)).nextHop(addr("10.0.0.3")).build();
        rib.post(new RibCommand.Update(addr("10.0.0.2"),
                UpdateMessage.announce(a.toPathAttributes(true), List.of(Nlri.of(prefix("198.51.100.0/24"))))));
        rib.post(new RibCommand.Update(addr("10.0.0.3"),
                UpdateMessage.announce(b.toPathAttributes(true), List.of(Nlri.of(prefix("198.51.100.0/24"))))));
        rib.originate(prefix("203.0.113.0/24"), AttributeSet.builder().build(), LocalSource.CONFIGURED);
        RibSnapshot s = rib.snapshot().join();
        String expected = ""
                + "flags: * = valid, > = selected, = = multipath, I = via iBGP, L = local\n"
                + "origin: i = IGP, e = EGP, ? = incomplete\n\n"
                + "flags destination              gateway                   lpref    med aspath origin\n"
                + "*>    198.51.100.0/24          10.0.0.3                    100      0 65003 i  won: shorter AS_PATH\n"
                + "*     198.51.100.0/24          10.0.0.2                    100      5 65002 65010 i  lost: shorter AS_PATH\n"
                + "*>L   203.0.113.0/24           self                        100      0 i\n";
        assertEquals(expected, new TextRibFormatter().rib(s, AddressFamily.IPV4_UNICAST));
        assertEquals("destination              gateway\n198.51.100.0/24          10.0.0.3 dev eth0\n",
                new TextRibFormatter().fib(s));
        String json = new JsonRibFormatter().rib(s, AddressFamily.IPV4_UNICAST);
        assertEquals("{\"family\": \"IPv4 unicast\", \"routes\": [{\"prefix\": \"198.51.100.0/24\", \"paths\": ["
                + "{\"best\": true, \"multipath\": true, \"eligible\": true, \"eligibility\": \"eligible\", "
                + "\"source\": \"10.0.0.3\", \"ebgp\": true, \"nexthop\": \"10.0.0.3\", \"localpref\": null, "
                + "\"med\": null, \"aspath\": [65003], \"origin\": \"i\", \"communities\": [], "
                + "\"reason\": \"won: shorter AS_PATH\"}, "
                + "{\"best\": false, \"multipath\": false, \"eligible\": true, \"eligibility\": \"eligible\", "
                + "\"source\": \"10.0.0.2\", \"ebgp\": true, \"nexthop\": \"10.0.0.2\", \"localpref\": null, "
                + "\"med\": 5, \"aspath\": [65002, 65010], \"origin\": \"i\", \"communities\": [], "
                + "\"reason\": \"lost: shorter AS_PATH\"}]}, "
                + "{\"prefix\": \"203.0.113.0/24\", \"paths\": ["
                + "{\"best\": true, \"multipath\": true, \"eligible\": true, \"eligibility\": \"eligible\", "
                + "\"source\": \"local:CONFIGURED\", \"ebgp\": false, \"nexthop\": null, \"localpref\": null, "
                + "\"med\": null, \"aspath\": [], \"origin\": \"i\", \"communities\": [], \"reason\": null}]}]}",
                json);
        assertEquals("{\"fib\": [{\"prefix\": \"198.51.100.0/24\", \"nexthops\": [{\"gateway\": \"10.0.0.3\", "
                + "\"interface\": \"eth0\"}]}]}", new JsonRibFormatter().fib(s));
        assertEquals("\"a\\\"b\\\\c\\u0001\"", JsonRibFormatter.str("a\"b\\c\u0001"));
    }
}
