package io.jbgp.examples.config;

import io.jbgp.core.types.IpPrefix;

/**
 * {@code prefix P [or-longer | maxlen N | prefixlen RANGE]}, in filter rules and prefix-sets.
 * A route matches when its prefix lies inside {@link #prefix()} and its length satisfies the
 * length operator; {@link LengthOp#EXACT} means "this very prefix".
 *
 * <p>{@code maxlen N} is bgpd's shorthand for {@code prefixlen <= N} and is stored that way;
 * {@code or-longer} is kept apart from {@code prefixlen >= len} only so the writer prints what
 * the user wrote.
 *
 * @param low the operand of one-operand operators, the lower bound of ranges
 * @param high the upper bound of {@code -} and {@code ><}; equal to {@code low} otherwise
 */
public record PrefixMatch(IpPrefix prefix, LengthOp op, int low, int high) {

    /** The prefix-length operators of bgpd.conf(5), PARAMETERS, {@code prefix}. */
    public enum LengthOp {
        EXACT(""), OR_LONGER("or-longer"), EQ("="), NE("!="), LT("<"), LE("<="), GT(">"),
        GE(">="), RANGE("-"), EXCEPT_RANGE("><");

        private final String token;

        LengthOp(String token) {
            this.token = token;
        }

        /** The operator as written in bgpd.conf. */
        public String token() {
            return token;
        }

        /** Whether the operator takes two operands ({@code a - b}, {@code a >< b}). */
        public boolean isBinary() {
            return this == RANGE || this == EXCEPT_RANGE;
        }
    }

    /** Checks operands against the family's maximum length and orders range bounds. */
    public PrefixMatch {
        int max = prefix.maxLength();
        if (low < 0 || low > max || high < 0 || high > max) {
            throw new IllegalArgumentException("prefixlen out of range 0.." + max);
        }
        if (op.isBinary() && low > high) {
            throw new IllegalArgumentException("prefixlen range " + low + " > " + high);
        }
        if (!op.isBinary() && low != high) {
            throw new IllegalArgumentException("single-operand prefixlen with two values");
        }
    }

    /** {@code prefix P}. */
    public static PrefixMatch exact(IpPrefix prefix) {
        return new PrefixMatch(prefix, LengthOp.EXACT, prefix.length(), prefix.length());
    }

    /** {@code prefix P or-longer}. */
    public static PrefixMatch orLonger(IpPrefix prefix) {
        return new PrefixMatch(prefix, LengthOp.OR_LONGER, prefix.length(), prefix.length());
    }

    /** Whether {@code candidate} is matched. */
    public boolean matches(IpPrefix candidate) {
        if (!prefix.contains(candidate)) {
            return false;
        }
        int len = candidate.length();
        switch (op) {
            case EXACT: return len == prefix.length();
            case OR_LONGER: return len >= prefix.length();
            case EQ: return len == low;
            case NE: return len != low;
            case LT: return len < low;
            case LE: return len <= low;
            case GT: return len > low;
            case GE: return len >= low;
            case RANGE: return len >= low && len <= high;
            case EXCEPT_RANGE: return len < low || len > high;
            default: throw new IllegalStateException("matches: unknown operator " + op);
        }
    }

    /** Whether the match has a length operator (bgpd refuses such sets in network statements). */
    public boolean hasLengthOperator() {
        return op != LengthOp.EXACT;
    }
}
