package io.jbgp.rib.policy;

import io.jbgp.rib.attr.AttributeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A policy written as rules: each rule has a {@link Match}, some {@link Action}s and what
 * happens next. Rules are tried in order; the first whose match holds applies its actions and
 * then accepts, rejects, or lets the following rules see the modified route. A route no rule
 * decided gets the default. Usable for import and export.
 *
 * <pre>{@code
 * RulePolicy.builder()
 *     .when(Match.prefix(PrefixList.parse("0.0.0.0/0 ge 25"))).reject()     // too specific
 *     .when(Match.community(Community.of(65002, 666))).reject()
 *     .when(Match.neighborAs(Asn.of(65002))).then(Action.setLocalPref(200)).next()
 *     .otherwise().accept()
 *     .build();
 * }</pre>
 */
public final class RulePolicy implements Policies.AnyPolicy {

    /** What a matching rule does after its actions. */
    public enum Then {
        /** Accept the route as modified; later rules are skipped. */
        ACCEPT,
        /** Reject the route; later rules are skipped. */
        REJECT,
        /** Continue with the next rule, on the modified route. */
        NEXT
    }

    /**
     * One rule.
     *
     * @param match   when it applies
     * @param actions what it changes, in order
     * @param then    what happens afterwards
     */
    public record Rule(Match match, List<Action> actions, Then then) {
        /**
         * Rejects null parts and copies the action list.
         *
         * @param match when it applies
         * @param actions what it changes, in order
         * @param then what happens afterwards
         */
        public Rule {
            Objects.requireNonNull(match, "match");
            actions = List.copyOf(actions);
            Objects.requireNonNull(then, "then");
        }
    }

    private final List<Rule> rules;
    private final Rule otherwise;

    private RulePolicy(List<Rule> rules, Rule otherwise) {
        this.rules = List.copyOf(rules);
        this.otherwise = otherwise;
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the rules in evaluation order, without the default} */
    public List<Rule> rules() {
        return rules;
    }

    @Override
    public PolicyResult apply(RouteContext route) {
        RouteContext r = route;
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (!rule.match().test(r)) {
                continue;
            }
            r = r.withAttributes(run(rule, r));
            if (rule.then() == Then.REJECT) {
                return PolicyResult.reject("rule " + (i + 1));
            }
            if (rule.then() == Then.ACCEPT) {
                return PolicyResult.accept(r.attributes());
            }
        }
        r = r.withAttributes(run(otherwise, r));
        return otherwise.then() == Then.REJECT ? PolicyResult.reject("default") : PolicyResult.accept(r.attributes());
    }

    private static AttributeSet run(Rule rule, RouteContext r) {
        if (rule.actions().isEmpty()) {
            return r.attributes();
        }
        AttributeSet.Builder b = r.attributes().toBuilder();
        for (Action a : rule.actions()) {
            a.apply(b, r);
        }
        return b.build();
    }

    /** Collects rules; {@link #otherwise()} starts the default and its terminal builds the policy. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();

        private Builder() {
        }

        /**
         * Starts a rule.
         *
         * @param match the rule's condition
         * @return the rule under construction
         */
        public RuleBuilder when(Match match) {
            return new RuleBuilder(this, match, false);
        }

        /**
         * Starts the default for routes no rule decided (its terminal returns the policy).
         *
         * @return the default rule under construction
         */
        public RuleBuilder otherwise() {
            return new RuleBuilder(this, Match.any(), true);
        }
    }

    /** One rule under construction. */
    public static final class RuleBuilder {
        private final Builder parent;
        private final Match match;
        private final boolean isDefault;
        private final List<Action> actions = new ArrayList<>();

        private RuleBuilder(Builder parent, Match match, boolean isDefault) {
            this.parent = parent;
            this.match = match;
            this.isDefault = isDefault;
        }

        /**
         * Adds actions.
         *
         * @param a actions, applied in order
         * @return this rule builder
         */
        public RuleBuilder then(Action... a) {
            actions.addAll(List.of(a));
            return this;
        }

        /**
         * Ends the rule with ACCEPT; on the default, builds the policy.
         *
         * @return the builder state after a terminal
         */
        public Terminal accept() {
            return finish(Then.ACCEPT);
        }

        /**
         * Ends the rule with REJECT; on the default, builds the policy.
         *
         * @return the builder state after a terminal
         */
        public Terminal reject() {
            return finish(Then.REJECT);
        }

        /**
         * Ends the rule, letting later rules run (not allowed on the default).
         *
         * @return the policy builder, for the next rule
         * @throws IllegalStateException on the default rule
         */
        public Builder next() {
            if (isDefault) {
                throw new IllegalStateException("next: the default rule must accept or reject");
            }
            parent.rules.add(new Rule(match, actions, Then.NEXT));
            return parent;
        }

        private Terminal finish(Then then) {
            Rule r = new Rule(match, actions, then);
            if (isDefault) {
                return new Terminal(parent, new RulePolicy(parent.rules, r));
            }
            parent.rules.add(r);
            return new Terminal(parent, null);
        }
    }

    /** After a rule's terminal: more rules, or the built policy (after {@code otherwise()}). */
    public static final class Terminal {
        private final Builder parent;
        private final RulePolicy built;

        private Terminal(Builder parent, RulePolicy built) {
            this.parent = parent;
            this.built = built;
        }

        /**
         * Starts another rule.
         *
         * @param match the rule's condition
         * @return the rule under construction
         */
        public RuleBuilder when(Match match) {
            return parent.when(match);
        }

        /**
         * Starts the default.
         *
         * @return the default rule under construction
         */
        public RuleBuilder otherwise() {
            return parent.otherwise();
        }

        /**
         * {@return the policy; only after {@code otherwise().accept()} or {@code
         * otherwise().reject()}}
         */
        public RulePolicy build() {
            if (built == null) {
                throw new IllegalStateException("build: finish with otherwise().accept() or .reject()");
            }
            return built;
        }
    }
}
