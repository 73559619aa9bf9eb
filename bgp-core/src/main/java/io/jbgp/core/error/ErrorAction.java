package io.jbgp.core.error;

/** What RFC 7606 §2 says to do about a malformed UPDATE (or any other error). */
public enum ErrorAction {
    /** Send a NOTIFICATION and reset the session (RFC 4271 §6). */
    SESSION_RESET,
    /** RFC 7606 §2 "AFI/SAFI disable": not used by this speaker, which resets instead. */
    AFI_SAFI_DISABLE,
    /** RFC 7606 §2: withdraw every prefix the UPDATE carries, keep the session. */
    TREAT_AS_WITHDRAW,
    /** RFC 7606 §2: drop the offending attribute, use the rest of the UPDATE. */
    ATTRIBUTE_DISCARD
}
