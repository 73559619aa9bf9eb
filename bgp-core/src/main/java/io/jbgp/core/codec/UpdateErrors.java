package io.jbgp.core.codec;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.error.ErrorAction;
import io.jbgp.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 7606 verdict of one UPDATE being decoded, built up as problems are found (one instance
 * per decode call, never shared). RFC 7606 §3 (g): when several errors meet, the strongest action
 * wins, session reset over treat-as-withdraw over attribute discard; for equal strength the first
 * error found is the one reported. Attribute codecs report a malformation with {@link #malformed}
 * and the attribute table decides the action ({@link AttributeCodecs}).
 */
final class UpdateErrors {
    private ErrorAction action;
    private BgpError cause;
    private Bytes data = Bytes.EMPTY;
    private String detail;
    private List<DecodeResult.Discarded> discarded;

    /** Set by an attribute codec that found its value malformed; consumed by {@link #takePending}. */
    private BgpError pendingCause;
    private String pendingDetail;

    /** Records why the attribute being decoded is malformed; returns {@code null} for the codec to return. */
    <T> T malformed(BgpError why, String text) {
        pendingCause = why;
        pendingDetail = text;
        return null;
    }

    BgpError pendingCause() {
        return pendingCause == null ? BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST : pendingCause;
    }

    String pendingDetail() {
        return pendingDetail == null ? "malformed attribute" : pendingDetail;
    }

    void clearPending() {
        pendingCause = null;
        pendingDetail = null;
    }

    /** RFC 4271 §6.3 / RFC 7606 session reset with the NOTIFICATION data. */
    void sessionReset(BgpError why, Bytes notificationData, String text) {
        if (action != ErrorAction.SESSION_RESET) {
            action = ErrorAction.SESSION_RESET;
            cause = why;
            data = notificationData;
            detail = text;
        }
    }

    /** RFC 7606 §2 treat-as-withdraw. */
    void treatAsWithdraw(BgpError why, String text) {
        if (action == null) {
            action = ErrorAction.TREAT_AS_WITHDRAW;
            cause = why;
            detail = text;
        }
    }

    /** RFC 7606 §2 attribute discard: the message stays good without the attribute. */
    void discard(int typeCode, BgpError why, String text) {
        if (discarded == null) {
            discarded = new ArrayList<>(2);
        }
        discarded.add(new DecodeResult.Discarded(typeCode, why, text));
    }

    /** Applies the table's action for a malformed attribute. */
    void raise(ErrorAction onError, int typeCode, BgpError why, Bytes attribute, String text) {
        switch (onError) {
            case SESSION_RESET, AFI_SAFI_DISABLE -> sessionReset(why, attribute, text);
            case TREAT_AS_WITHDRAW -> treatAsWithdraw(why, text);
            case ATTRIBUTE_DISCARD -> discard(typeCode, why, text);
            default -> throw new IllegalStateException("raise: unknown action " + onError);
        }
    }

    boolean isSessionReset() {
        return action == ErrorAction.SESSION_RESET;
    }

    boolean isTreatAsWithdraw() {
        return action == ErrorAction.TREAT_AS_WITHDRAW;
    }

    BgpError cause() {
        return cause;
    }

    Bytes data() {
        return data;
    }

    String detail() {
        return detail;
    }

    List<DecodeResult.Discarded> discarded() {
        return discarded == null ? List.of() : discarded;
    }
}
