package io.jbgp.core.attr;

/**
 * A path attribute of an UPDATE (RFC 4271 §4.3, §5). Each permitted type is immutable and knows
 * its type code; flags and lengths are derived by the writer, except the Partial bit, which
 * {@link PathAttributes} carries for optional transitive attributes (RFC 4271 §5: once set it
 * stays set). MP_REACH_NLRI and MP_UNREACH_NLRI are not attributes here: they live in
 * {@link io.jbgp.core.message.UpdateMessage} beside the classic NLRI fields.
 */
public sealed interface PathAttribute
        permits Origin, AsPath, NextHop, MultiExitDisc, LocalPref, AtomicAggregate, Aggregator,
                Communities, OriginatorId, ClusterList, ExtendedCommunities, LargeCommunities, Otc,
                UnknownAttribute {

    /** Type code of ORIGIN (RFC 4271 §5.1.1). */
    int ORIGIN = 1;
    /** Type code of AS_PATH (RFC 4271 §5.1.2). */
    int AS_PATH = 2;
    /** Type code of NEXT_HOP (RFC 4271 §5.1.3). */
    int NEXT_HOP = 3;
    /** Type code of MULTI_EXIT_DISC (RFC 4271 §5.1.4). */
    int MULTI_EXIT_DISC = 4;
    /** Type code of LOCAL_PREF (RFC 4271 §5.1.5). */
    int LOCAL_PREF = 5;
    /** Type code of ATOMIC_AGGREGATE (RFC 4271 §5.1.6). */
    int ATOMIC_AGGREGATE = 6;
    /** Type code of AGGREGATOR (RFC 4271 §5.1.7). */
    int AGGREGATOR = 7;
    /** Type code of COMMUNITIES (RFC 1997). */
    int COMMUNITIES = 8;
    /** Type code of ORIGINATOR_ID (RFC 4456 §8). */
    int ORIGINATOR_ID = 9;
    /** Type code of CLUSTER_LIST (RFC 4456 §8). */
    int CLUSTER_LIST = 10;
    /** Type code of MP_REACH_NLRI (RFC 4760 §3). */
    int MP_REACH_NLRI = 14;
    /** Type code of MP_UNREACH_NLRI (RFC 4760 §4). */
    int MP_UNREACH_NLRI = 15;
    /** Type code of EXTENDED_COMMUNITIES (RFC 4360 §2). */
    int EXTENDED_COMMUNITIES = 16;
    /** Type code of AS4_PATH (RFC 6793 §3); merged into AS_PATH by the codec. */
    int AS4_PATH = 17;
    /** Type code of AS4_AGGREGATOR (RFC 6793 §3); merged into AGGREGATOR by the codec. */
    int AS4_AGGREGATOR = 18;
    /** Type code of LARGE_COMMUNITY (RFC 8092 §3). */
    int LARGE_COMMUNITY = 32;
    /** Type code of OTC, Only to Customer (RFC 9234 §5). */
    int OTC = 35;

    /** {@return the attribute type code} */
    int typeCode();
}
