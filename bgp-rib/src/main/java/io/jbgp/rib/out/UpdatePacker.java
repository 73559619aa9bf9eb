package io.jbgp.rib.out;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.MpUnreach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.rib.attr.AttributeSet;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an {@link UpdateQueue} into UPDATE messages no longer than the negotiated maximum
 * (4096 octets, or 65535 with RFC 8654): withdrawals first, so a prefix that moves is never
 * briefly announced twice, then one message per attribute bucket chunk, then End-of-RIB
 * (RFC 4724 §2) if it was requested. IPv4 unicast uses the classic fields; other families
 * MP_REACH_NLRI/MP_UNREACH_NLRI (RFC 4760).
 */
public final class UpdatePacker {

    private UpdatePacker() {
    }

    /** Drains up to {@code maxMessages} messages from the queue, in sending order. */
    public static List<UpdateMessage> drain(UpdateQueue queue, CodecContext ctx, int maxMessages) {
        List<UpdateMessage> out = new ArrayList<>();
        AddressFamily family = queue.family();
        boolean classic = family.equals(AddressFamily.IPV4_UNICAST);
        int max = ctx.maxMessageLength();
        while (out.size() < maxMessages && !queue.withdrawals().isEmpty()) {
            int budget = max - MessageSizes.EMPTY_UPDATE - (classic ? 0 : MessageSizes.mpUnreachOverhead());
            List<Nlri> batch = take(queue, List.copyOf(queue.withdrawals()), budget, ctx, family);
            out.add(classic ? UpdateMessage.withdraw(batch)
                    : new UpdateMessage(List.of(), PathAttributes.EMPTY, Optional.empty(),
                            Optional.of(new MpUnreach(family, batch)), List.of()));
        }
        while (out.size() < maxMessages && queue.firstBucket() != null) {
            AttributeSet attrs = queue.firstBucket();
            InetAddress nh = attrs.nextHop();
            if (nh == null) {
                throw new IllegalStateException("drain: no next hop for " + family + " bucket " + attrs);
            }
            PathAttributes wire = attrs.toPathAttributes(classic);
            int budget = max - MessageSizes.EMPTY_UPDATE - MessageSizes.attributes(wire, ctx)
                    - (classic ? 0 : MessageSizes.mpReachOverhead(nh));
            if (budget < MessageSizes.nlri(queue.buckets().get(attrs).iterator().next(), ctx, family)) {
                throw new IllegalStateException("drain: attributes too large for one UPDATE: " + attrs);
            }
            List<Nlri> batch = take(queue, List.copyOf(queue.buckets().get(attrs)), budget, ctx, family);
            out.add(classic ? UpdateMessage.announce(wire, batch)
                    : new UpdateMessage(List.of(), wire, Optional.of(new MpReach(family, nh, batch)),
                            Optional.empty(), List.of()));
        }
        if (out.size() < maxMessages && queue.isEndOfRibRequested() && queue.size() == 0) {
            queue.clearEndOfRib();
            out.add(UpdateMessage.endOfRib(family));
        }
        return out;
    }

    // takes NLRIs from the candidates in order while they fit into budget octets
    private static List<Nlri> take(UpdateQueue queue, List<Nlri> candidates, int budget, CodecContext ctx,
                                   AddressFamily family) {
        List<Nlri> batch = new ArrayList<>();
        int used = 0;
        for (Nlri n : candidates) {
            int size = MessageSizes.nlri(n, ctx, family);
            if (used + size > budget) {
                break;
            }
            used += size;
            batch.add(n);
        }
        batch.forEach(queue::sent);
        return batch;
    }
}
