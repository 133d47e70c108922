package org.campaignledger.command.rules;

/** A command was rejected because it breaks a {@link Rule}; nothing was recorded. */
public class RuleViolation extends RuntimeException {

    private final Rule rule;

    public RuleViolation(Rule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // a rejection is an answer, not a fault: the stack trace would only cost time
        return this;
    }
}
