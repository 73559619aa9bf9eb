package io.jbgp.examples.ctl;

import io.jbgp.core.types.IpPrefix;

/**
 * A locally originated candidate ({@code network} statements) as {@code bgpctl show network}
 * reports it, including the ones a leak guard kept back.
 *
 * @param statement the configuration line that produced it, e.g. {@code network inet connected}
 * @param included whether it is announced
 * @param reason why not, e.g. {@code excluded interface em0}; empty when included
 */
public record NetworkView(IpPrefix prefix, String statement, boolean included, String reason) {}
