package io.jbgp.examples.ctl;

/** The outcome of parsing a request line: a request, or a message for the operator. */
public sealed interface ControlParse {

    /** A well-formed request. */
    record Parsed(ControlRequest request) implements ControlParse {}

    /**
     * A bad request line.
     *
     * @param json whether the line asked for JSON, so the error can be answered in kind
     */
    record Rejected(String message, boolean json) implements ControlParse {}
}
