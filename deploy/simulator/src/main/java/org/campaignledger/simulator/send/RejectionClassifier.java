package org.campaignledger.simulator.send;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Tells a rejection (a broken rule, with its problem type) from a failure, for exceptions that an
 * in-process {@code CommandGateway} throws.
 */
@FunctionalInterface
public interface RejectionClassifier {

    /** The problem type's slug if the exception is a rejection, empty if it is a failure. */
    Optional<String> problemType(Throwable exception);

    /**
     * Recognises command-side's {@code RuleViolation} without linking to it: an exception, or one of its
     * causes, with a public {@code rule()} whose value has a public {@code slug()}.
     */
    static RejectionClassifier ruleSlug() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                Optional<String> slug = slugOfRule(cause);
                if (slug.isPresent()) {
                    return slug;
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return Optional.empty();
        };
    }

    private static Optional<String> slugOfRule(Throwable candidate) {
        try {
            Method ruleMethod = candidate.getClass().getMethod("rule");
            Object rule = ruleMethod.invoke(candidate);
            if (rule == null) {
                return Optional.empty();
            }
            Class<?> ruleType = rule instanceof Enum<?> constant ? constant.getDeclaringClass() : rule.getClass();
            Object slug = ruleType.getMethod("slug").invoke(rule);
            return slug instanceof String text ? Optional.of(text) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException notARuleViolation) {
            return Optional.empty();
        }
    }
}
