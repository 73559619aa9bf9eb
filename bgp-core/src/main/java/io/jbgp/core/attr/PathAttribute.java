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

    int ORIGIN = 1;
    int AS_PATH = 2;
    int NEXT_HOP = 3;
    int MULTI_EXIT_DISC = 4;
    int LOCAL_PREF = 5;
    int ATOMIC_AGGREGATE = 6;
    int AGGREGATOR = 7;
    int COMMUNITIES = 8;
    int ORIGINATOR_ID = 9;
    int CLUSTER_LIST = 10;
    int MP_REACH_NLRI = 14;
    int MP_UNREACH_NLRI = 15;
    int EXTENDED_COMMUNITIES = 16;
    int AS4_PATH = 17;
    int AS4_AGGREGATOR = 18;
    int LARGE_COMMUNITY = 32;
    int OTC = 35;

    /** {@return the attribute type code} */
    int typeCode();
}
