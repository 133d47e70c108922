package org.campaignledger.command;

import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link RuleViolation} of one rule, for {@code AggregateTestFixture.expectException}. */
public final class Violates extends TypeSafeMatcher<RuleViolation> {

    private final Rule rule;

    private Violates(Rule rule) {
        this.rule = rule;
    }

    public static Matcher<RuleViolation> violates(Rule rule) {
        return new Violates(rule);
    }

    @Override
    protected boolean matchesSafely(RuleViolation violation) {
        return violation.rule() == rule;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a violation of rule " + rule.slug());
    }

    @Override
    protected void describeMismatchSafely(RuleViolation violation, Description description) {
        description.appendText("violated " + violation.rule().slug() + ": " + violation.getMessage());
    }
}
