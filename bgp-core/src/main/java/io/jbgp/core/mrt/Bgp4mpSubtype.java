package io.jbgp.core.mrt;

/**
 * The BGP4MP and BGP4MP_ET subtypes (RFC 6396 §4.4, RFC 8050 §3). Each says how wide the AS
 * fields are, whether the message was sent rather than received, and whether its NLRI carry
 * ADD-PATH path identifiers, which is everything the codec needs to read the message inside.
 */
public enum Bgp4mpSubtype {
    /** A session state change with 2-octet AS numbers (subtype 0). */
    STATE_CHANGE(0, false, false, false, true),
    /** A received message with 2-octet AS numbers (subtype 1). */
    MESSAGE(1, false, false, false, false),
    /** A received message with 4-octet AS numbers (subtype 4). */
    MESSAGE_AS4(4, true, false, false, false),
    /** A session state change with 4-octet AS numbers (subtype 5). */
    STATE_CHANGE_AS4(5, true, false, false, true),
    /** A message the collector sent, 2-octet AS numbers (subtype 6). */
    MESSAGE_LOCAL(6, false, true, false, false),
    /** A message the collector sent, 4-octet AS numbers (subtype 7). */
    MESSAGE_AS4_LOCAL(7, true, true, false, false),
    /** A received message whose NLRI carry path IDs, 2-octet AS numbers (RFC 8050, subtype 8). */
    MESSAGE_ADDPATH(8, false, false, true, false),
    /** A received message with 4-octet AS numbers and path IDs (RFC 8050, subtype 9). */
    MESSAGE_AS4_ADDPATH(9, true, false, true, false),
    /** A message the collector sent, 2-octet AS numbers and path IDs (RFC 8050, subtype 10). */
    MESSAGE_LOCAL_ADDPATH(10, false, true, true, false),
    /** A message the collector sent, 4-octet AS numbers and path IDs (RFC 8050, subtype 11). */
    MESSAGE_AS4_LOCAL_ADDPATH(11, true, true, true, false);

    private static final Bgp4mpSubtype[] BY_CODE = new Bgp4mpSubtype[12];

    static {
        for (Bgp4mpSubtype s : values()) {
            BY_CODE[s.code] = s;
        }
    }

    private final int code;
    private final boolean fourOctetAs;
    private final boolean local;
    private final boolean addPath;
    private final boolean stateChange;

    Bgp4mpSubtype(int code, boolean fourOctetAs, boolean local, boolean addPath, boolean stateChange) {
        this.code = code;
        this.fourOctetAs = fourOctetAs;
        this.local = local;
        this.addPath = addPath;
        this.stateChange = stateChange;
    }

    /** {@return the subtype code in the MRT common header} */
    public int code() {
        return code;
    }

    /**
     * The subtype for a code, or {@code null} for codes 2 and 3 (deprecated) and unknown ones.
     *
     * @param code the subtype field of the MRT common header
     * @return the subtype, or {@code null}
     */
    public static Bgp4mpSubtype fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /**
     * {@return true when the record's AS fields, and the AS numbers inside its message, are 4
     * octets}
     */
    public boolean hasFourOctetAs() {
        return fourOctetAs;
    }

    /**
     * {@return true for the *_LOCAL subtypes: the message was sent by the collector, not received}
     */
    public boolean isLocal() {
        return local;
    }

    /** {@return true for the RFC 8050 *_ADDPATH subtypes: NLRI carry a 4-octet path identifier} */
    public boolean isAddPath() {
        return addPath;
    }

    /** {@return true for STATE_CHANGE and STATE_CHANGE_AS4} */
    public boolean isStateChange() {
        return stateChange;
    }
}
