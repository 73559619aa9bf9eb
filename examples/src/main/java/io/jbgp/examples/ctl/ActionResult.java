package io.jbgp.examples.ctl;

/**
 * The daemon's answer to a state-changing command ({@code neighbor ... down}, {@code reload}).
 *
 * @param ok false when the command could not be carried out (unknown neighbor, bad config)
 * @param message one line for the operator, e.g. {@code request sent.} or the config error
 */
public record ActionResult(boolean ok, String message) {
    /** A success with {@code message}. */
    public static ActionResult done(String message) {
        return new ActionResult(true, message);
    }

    /** A failure with {@code message}. */
    public static ActionResult failed(String message) {
        return new ActionResult(false, message);
    }
}
