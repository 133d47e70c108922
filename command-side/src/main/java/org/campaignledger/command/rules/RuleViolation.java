package org.campaignledger.command.rules;

import java.util.Map;

/** A command was rejected because it breaks a {@link Rule}; nothing was recorded. */
public class RuleViolation extends RuntimeException {

    private final Rule rule;
    private final Map<String, Object> facts;

    public RuleViolation(Rule rule, String detail) {
        this(rule, detail, Map.of());
    }

    /** @param facts what the client may want to act on, e.g. the date a course was already completed */
    public RuleViolation(Rule rule, String detail, Map<String, Object> facts) {
        super(detail);
        this.rule = rule;
        this.facts = Map.copyOf(facts);
    }

    public Rule rule() {
        return rule;
    }

    public Map<String, Object> facts() {
        return facts;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // a rejection is an answer, not a fault: the stack trace would only cost time
        return this;
    }
}
