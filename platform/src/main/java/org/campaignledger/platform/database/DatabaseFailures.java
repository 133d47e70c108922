package org.campaignledger.platform.database;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot answer right now (down, unreachable, out of connections, too slow) from
 * every other failure, wherever it surfaces: Spring wraps it in a {@code DataAccessException}, Axon in
 * an {@code EventStoreException} or its own {@code JdbcException}, a command bus in a command result.
 * Such a failure is worth a retry later; answered as 503 with {@code Retry-After}, never as 500.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * @return true if the failure, anything it was caused by, or a failure suppressed on the way (a rollback or a
     *         connection's release that could not reach the database) says the database is unavailable or too slow
     */
    public static boolean isUnavailable(Throwable failure) {
        return isUnavailable(failure, new IdentityHashMap<>());
    }

    private static boolean isUnavailable(Throwable failure, Map<Throwable, Boolean> seen) {
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof QueryTimeoutException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException
                    // a commit or rollback that failed at the connection: the server went away mid-transaction
                    || t instanceof TransactionSystemException || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof SQLException sql && (unavailableState(sql.getSQLState()) || closedByThePool(sql))) {
                return true;
            }
            if (t instanceof AssertionError && autoCommitOfALostConnection(t)) {
                return true;
            }
            if (t instanceof IOException && t.getClass().getName().startsWith("java.net.")) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isUnavailable(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * HikariCP's answer to a statement on a connection it has already closed, because the server went away under
     * the transaction (no SQLSTATE; found by DatabaseOutageIT in deploy/reliability, where it was answered 500).
     */
    private static boolean closedByThePool(SQLException sql) {
        StackTraceElement[] frames = sql.getStackTrace();
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage()) && frames.length > 0
                && frames[0].getClassName().startsWith("com.zaxxer.hikari.");
    }

    /**
     * The PostgreSQL driver asserts, while it finishes a batch, that asking its connection for auto-commit cannot
     * fail; it does fail when the server went away under the batch. With assertions enabled (as in the tests) that
     * is an {@code AssertionError} without a cause (found by DatabaseOutageIT, where it was answered 500); without
     * them the driver goes on and the lost connection fails the next statement. Answering it 503 is not enough: an
     * Error skips the rollback of Axon's unit of work (the aggregate cache keeps events never committed, the
     * command lane keeps the dead transaction), so the driver's assertions must stay off, as the tests keep them
     * ({@code -da:org.postgresql...} in the root pom).
     */
    private static boolean autoCommitOfALostConnection(Throwable error) {
        StackTraceElement[] frames = error.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().equals("org.postgresql.jdbc.BatchResultHandler")
                && String.valueOf(error.getMessage()).contains("getAutoCommit() should not throw");
    }

    /**
     * SQLSTATE classes of PostgreSQL that mean "not now" rather than "not this": 08 connection exception,
     * 53 insufficient resources (e.g. too many connections), 57014 statement timeout or cancel, 57P01..57P03
     * the server shutting down, crashed or starting.
     */
    static boolean unavailableState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("53") || state.equals("57014")
                || state.startsWith("57P0");
    }
}
