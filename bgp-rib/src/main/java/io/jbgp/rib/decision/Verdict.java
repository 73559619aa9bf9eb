package io.jbgp.rib.decision;

import java.util.Objects;

/**
 * The result of comparing two paths: which is better and which step decided it (GoBGP
 * {@code BestPathReason}).
 *
 * @param sign      negative when the first path is better, positive when the second is; never 0
 * @param decidedBy the step that told them apart
 */
public record Verdict(int sign, DecisionStep decidedBy) {
    public Verdict {
        Objects.requireNonNull(decidedBy, "decidedBy");
        if (sign == 0) {
            throw new IllegalArgumentException("a verdict must prefer one path");
        }
        sign = Integer.signum(sign);
    }

    /** Whether the first path of the comparison won. */
    public boolean firstWins() {
        return sign < 0;
    }

    /** The same verdict seen from the other path. */
    public Verdict reversed() {
        return new Verdict(-sign, decidedBy);
    }

    @Override
    public String toString() {
        return (sign < 0 ? "won: " : "lost: ") + decidedBy.description();
    }
}
