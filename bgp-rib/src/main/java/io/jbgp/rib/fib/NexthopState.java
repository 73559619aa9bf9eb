package io.jbgp.rib.fib;

/** Whether a BGP next hop can be reached through the host's connected and static routes. */
public enum NexthopState {
    /** A connected or static route covers the next hop. */
    REACHABLE,
    /** No usable route covers it; paths using it are ineligible (RFC 4271 §9.1.2). */
    UNREACHABLE
}
