package io.jbgp.rib.policy;

/** Combinators for import and export policies. */
public final class Policies {

    private Policies() {
    }

    /** Accepts everything unchanged (an explicit policy, so RFC 8212 is satisfied). */
    public static AnyPolicy allowAll() {
        return ctx -> PolicyResult.accept(ctx.attributes());
    }

    /** Rejects everything. */
    public static AnyPolicy denyAll() {
        return ctx -> PolicyResult.reject("denied by policy");
    }

    /** Runs the policies in order, each on the previous one's output; the first reject wins. */
    public static AnyPolicy chain(AnyPolicy... policies) {
        AnyPolicy[] copy = policies.clone();
        return ctx -> {
            RouteContext c = ctx;
            for (AnyPolicy p : copy) {
                PolicyResult r = p.apply(c);
                if (r instanceof PolicyResult.Reject) {
                    return r;
                }
                c = c.withAttributes(((PolicyResult.Accept) r).attributes());
            }
            return PolicyResult.accept(c.attributes());
        };
    }

    /** A policy usable on both import and export. */
    @FunctionalInterface
    public interface AnyPolicy extends ImportPolicy, ExportPolicy {
        @Override
        PolicyResult apply(RouteContext route);
    }
}
