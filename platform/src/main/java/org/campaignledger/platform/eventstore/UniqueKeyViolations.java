package org.campaignledger.platform.eventstore;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises PostgreSQL's unique violation (SQLState 23505) anywhere in the exception's causes, including a
 * batch's next exceptions. Axon's default resolver matches vendor error codes, which PostgreSQL leaves at 0,
 * so a second node appending the same (aggregate, sequence) surfaced as a plain {@code EventStoreException}
 * (HTTP 500) instead of a {@code ConcurrencyException}, which the command side retries or reports as a conflict.
 * Within one node Axon's aggregate lock hides this; across nodes only the unique key stands in between.
 */
final class UniqueKeyViolations implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    private final PersistenceExceptionResolver fallback;

    UniqueKeyViolations(PersistenceExceptionResolver fallback) {
        this.fallback = fallback;
    }

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null;
                 sql = sql.getNextException()) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return fallback != null && fallback.isDuplicateKeyViolation(exception);
    }
}
