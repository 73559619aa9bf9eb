package io.jbgp.core.codec;

import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.MpUnreach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The greedy packer behind {@link UpdateCodec#split}: walks the prefixes in order (classic
 * withdrawals, MP_UNREACH_NLRI, classic NLRI, MP_REACH_NLRI) and starts a new UPDATE when the next
 * one would not fit. Each prefix costs its encoded size; the first of a section in an UPDATE also
 * pays for what opens the section: the path attributes for the first announcement, the MP
 * attribute header (with Extended Length, AFI, SAFI and, for MP_REACH_NLRI, the next hop) for the
 * first MP prefix. Attribute sizes are taken in the longest layout, so any layout fits.
 */
final class UpdateSplitter {
    /** MP_UNREACH_NLRI header with Extended Length, AFI and SAFI. */
    private static final int MP_UNREACH_SETUP = 4 + 3;
    private final UpdateMessage update;
    private final CodecContext ctx;
    private final int budget;
    private final int attributesLength;
    private final List<UpdateMessage> out = new ArrayList<>();
    // the piece being filled
    private List<Nlri> withdrawn = new ArrayList<>();
    private List<Nlri> unreach;
    private List<Nlri> announced = new ArrayList<>();
    private List<Nlri> reach;
    private boolean withAttributes;
    private int used;

    UpdateSplitter(UpdateMessage update, CodecContext ctx) {
        this.update = update;
        this.ctx = ctx;
        // the two 2-octet length fields are always there
        this.budget = ctx.maxMessageLength() - WireFormat.HEADER_LENGTH - 4;
        this.attributesLength = attributesLength(update.attributes(), ctx);
    }

    List<UpdateMessage> split() {
        if (fits()) {
            return List.of(update);
        }
        boolean v4 = ctx.isAddPathSend(AddressFamily.IPV4_UNICAST);
        for (Nlri n : update.withdrawn()) {
            place(NlriCodec.encodedLength(n, v4), () -> 0, () -> withdrawn.add(n));
        }
        update.mpUnreach().ifPresent(u -> {
            boolean ap = ctx.isAddPathSend(u.family());
            if (u.withdrawn().isEmpty()) {
                place(0, () -> MP_UNREACH_SETUP, this::startUnreach);
            }
            for (Nlri n : u.withdrawn()) {
                place(NlriCodec.encodedLength(n, ap), () -> unreach == null ? MP_UNREACH_SETUP : 0, () -> {
                    startUnreach();
                    unreach.add(n);
                });
            }
        });
        for (Nlri n : update.announced()) {
            place(NlriCodec.encodedLength(n, v4), () -> withAttributes ? 0 : attributesLength, () -> {
                withAttributes = true;
                announced.add(n);
            });
        }
        update.mpReach().ifPresent(r -> {
            boolean ap = ctx.isAddPathSend(r.family());
            // header with Extended Length, AFI, SAFI, next hop length, next hop, reserved
            int fixed = 4 + 5 + MpNlriCodec.nextHopLength(r);
            if (r.nlri().isEmpty()) {
                place(0, () -> fixed + attributesLength, this::startReach);
            }
            for (Nlri n : r.nlri()) {
                place(NlriCodec.encodedLength(n, ap),
                        () -> (reach == null ? fixed : 0) + (withAttributes ? 0 : attributesLength), () -> {
                            startReach();
                            reach.add(n);
                        });
            }
        });
        if (used > 0 || out.isEmpty()) {
            flush();
        }
        return List.copyOf(out);
    }

    private void startUnreach() {
        if (unreach == null) {
            unreach = new ArrayList<>();
        }
    }

    private void startReach() {
        withAttributes = true;
        if (reach == null) {
            reach = new ArrayList<>();
        }
    }

    /**
     * Adds an item of {@code cost} octets plus {@code setup}, the cost of opening its section
     * (attributes, MP attribute header) when the piece does not have it yet; starts a new
     * piece when the item does not fit.
     */
    private void place(int cost, IntSupplier setup, Runnable add) {
        int s = setup.getAsInt();
        if (used + cost + s > budget && used > 0) {
            flush();
            s = setup.getAsInt();
        }
        if (used + cost + s > budget) {
            throw new IllegalArgumentException("split: attributes of " + attributesLength
                    + " octets leave no room for a prefix in " + ctx.maxMessageLength());
        }
        used += cost + s;
        add.run();
    }

    private void flush() {
        MpReach r = update.mpReach().orElse(null);
        MpUnreach u = update.mpUnreach().orElse(null);
        out.add(new UpdateMessage(withdrawn, withAttributes ? update.attributes() : PathAttributes.EMPTY,
                reach == null ? Optional.empty()
                        : Optional.of(new MpReach(r.family(), r.nextHop(), r.linkLocal(), reach)),
                unreach == null ? Optional.empty() : Optional.of(new MpUnreach(u.family(), unreach)),
                announced));
        withdrawn = new ArrayList<>();
        announced = new ArrayList<>();
        unreach = null;
        reach = null;
        withAttributes = false;
        used = 0;
    }

    private boolean fits() {
        int n = 4 + attributesLength;
        boolean v4 = ctx.isAddPathSend(AddressFamily.IPV4_UNICAST);
        n += NlriCodec.encodedLength(update.withdrawn(), v4) + NlriCodec.encodedLength(update.announced(), v4);
        if (update.mpReach().isPresent()) {
            n += 4 + MpNlriCodec.reachLength(update.mpReach().get(), ctx);
        }
        if (update.mpUnreach().isPresent()) {
            n += 4 + MpNlriCodec.unreachLength(update.mpUnreach().get(), ctx);
        }
        return WireFormat.HEADER_LENGTH + n <= ctx.maxMessageLength();
    }

    /** The attributes (no MP), AS4 ones included, in the longest layout. */
    private static int attributesLength(PathAttributes attributes, CodecContext ctx) {
        ByteBuf scratch = Unpooled.buffer(256);
        try {
            UpdateMessage only = new UpdateMessage(List.of(), attributes, Optional.empty(), Optional.empty(), List.of());
            UpdateCodec.writeAttributes(only, ctx, scratch, AttributeLayout.ALL_EXTENDED);
            return scratch.readableBytes();
        } finally {
            scratch.release();
        }
    }
}
