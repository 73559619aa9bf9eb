package io.jbgp.core.mrt;

/**
 * The BGP4MP and BGP4MP_ET subtypes (RFC 6396 §4.4, RFC 8050 §3). Each says how wide the AS
 * fields are, whether the message was sent rather than received, and whether its NLRI carry
 * ADD-PATH path identifiers, which is everything the codec needs to read the message inside.
 */
public enum Bgp4mpSubtype {
    STATE_CHANGE(0, false, false, false, true),
    MESSAGE(1, false, false, false, false),
    MESSAGE_AS4(4, true, false, false, false),
    STATE_CHANGE_AS4(5, true, false, false, true),
    MESSAGE_LOCAL(6, false, true, false, false),
    MESSAGE_AS4_LOCAL(7, true, true, false, false),
    MESSAGE_ADDPATH(8, false, false, true, false),
    MESSAGE_AS4_ADDPATH(9, true, false, true, false),
    MESSAGE_LOCAL_ADDPATH(10, false, true, true, false),
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

    /** The subtype code in the MRT common header. */
    public int code() {
        return code;
    }

    /** The subtype for a code, or {@code null} for codes 2 and 3 (deprecated) and unknown ones. */
    public static Bgp4mpSubtype fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** True when the record's AS fields, and the AS numbers inside its message, are 4 octets. */
    public boolean hasFourOctetAs() {
        return fourOctetAs;
    }

    /** True for the *_LOCAL subtypes: the message was sent by the collector, not received. */
    public boolean isLocal() {
        return local;
    }

    /** True for the RFC 8050 *_ADDPATH subtypes: NLRI carry a 4-octet path identifier. */
    public boolean isAddPath() {
        return addPath;
    }

    /** True for STATE_CHANGE and STATE_CHANGE_AS4. */
    public boolean isStateChange() {
        return stateChange;
    }
}
