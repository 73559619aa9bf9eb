package io.jbgp.examples.ctl;

/** A command plus the output format: {@code json} for {@code -j}. */
public record ControlRequest(ControlCommand command, boolean json) {}
