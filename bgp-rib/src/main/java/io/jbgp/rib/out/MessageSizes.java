package io.jbgp.rib.out;

import io.jbgp.core.attr.Aggregator;
import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.AsPathSegment;
import io.jbgp.core.attr.ClusterList;
import io.jbgp.core.attr.Communities;
import io.jbgp.core.attr.ExtendedCommunities;
import io.jbgp.core.attr.LargeCommunities;
import io.jbgp.core.attr.PathAttribute;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.attr.UnknownAttribute;
import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.AddressFamily;
import java.net.InetAddress;

/**
 * Upper bounds of the encoded sizes of UPDATE parts (RFC 4271 §4.3, RFC 4760), so the packer can
 * fill messages without encoding them. Every attribute is counted with the 4-octet extended
 * length header, and with a 2-octet AS session the AS4_PATH/AS4_AGGREGATOR copies (RFC 6793) are
 * counted too, so the real message is never larger than the estimate.
 */
final class MessageSizes {

    /** Marker, length, type, withdrawn routes length and total path attribute length. */
    static final int EMPTY_UPDATE = 19 + 2 + 2;
    private static final int ATTR_HEADER = 4;

    private MessageSizes() {
    }

    /** One NLRI: length octet, the significant prefix octets, and the ADD-PATH id if negotiated. */
    static int nlri(Nlri nlri, CodecContext ctx, AddressFamily family) {
        return 1 + (nlri.prefix().length() + 7) / 8 + (ctx.isAddPathSend(family) ? 4 : 0);
    }

    /** All attributes as written. */
    static int attributes(PathAttributes attrs, CodecContext ctx) {
        int n = 0;
        for (PathAttribute a : attrs) {
            n += ATTR_HEADER + value(a, ctx.fourOctetAs());
            if (!ctx.fourOctetAs() && (a instanceof AsPath || a instanceof Aggregator)) {
                n += ATTR_HEADER + value(a, true); // the AS4_* copy
            }
        }
        return n;
    }

    /** MP_REACH_NLRI without its NLRI: AFI, SAFI, next hop length and value, reserved octet. */
    static int mpReachOverhead(InetAddress nextHop) {
        return ATTR_HEADER + 2 + 1 + 1 + nextHop.getAddress().length + 1;
    }

    /** MP_UNREACH_NLRI without its NLRI: AFI and SAFI. */
    static int mpUnreachOverhead() {
        return ATTR_HEADER + 3;
    }

    private static int value(PathAttribute a, boolean fourOctet) {
        int asSize = fourOctet ? 4 : 2;
        if (a instanceof AsPath p) {
            int n = 0;
            for (AsPathSegment s : p.segments()) {
                n += 2 + s.size() * asSize;
            }
            return n;
        }
        if (a instanceof Aggregator) {
            return asSize + 4;
        }
        if (a instanceof Communities c) {
            return 4 * c.communities().size();
        }
        if (a instanceof ExtendedCommunities c) {
            return 8 * c.communities().size();
        }
        if (a instanceof LargeCommunities c) {
            return 12 * c.communities().size();
        }
        if (a instanceof ClusterList c) {
            return 4 * c.clusterIds().size();
        }
        if (a instanceof UnknownAttribute u) {
            return u.value().length();
        }
        switch (a.typeCode()) {
            case PathAttribute.ORIGIN:
                return 1;
            case PathAttribute.ATOMIC_AGGREGATE:
                return 0;
            default:
                return 4; // NEXT_HOP, MED, LOCAL_PREF, ORIGINATOR_ID, OTC
        }
    }
}
