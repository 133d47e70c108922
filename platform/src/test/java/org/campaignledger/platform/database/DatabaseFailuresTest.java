package org.campaignledger.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseFailuresTest {

    @Test
    void findsAnUnavailableDatabaseUnderAnyWrapping() {
        var hikariTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException("command failed",
                new IllegalStateException(hikariTimeout)))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("canceling statement due to statement timeout",
                "57014"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new TransactionSystemException("JDBC commit failed"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void findsItInAFailureSuppressedOnTheWayAndInThePoolsClosedConnection() {
        SQLException uncategorised = new SQLException("some statement failed");
        uncategorised.addSuppressed(new RuntimeException("rollback failed",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(uncategorised))).isTrue();

        SQLException closed = new SQLException("Connection is closed");
        closed.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection", "lambda$getClosedConnection$0",
                "ProxyConnection.java", 562)});
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(closed))).isTrue();
        // the same words from anywhere else say nothing about the database
        assertThat(DatabaseFailures.isUnavailable(new SQLException("Connection is closed"))).isFalse();
    }

    @Test
    void findsTheDriversAssertionThatALostConnectionTripsInABatch() {
        AssertionError tripped = new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw");
        tripped.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "org.postgresql.jdbc.BatchResultHandler", "isAutoCommit", "BatchResultHandler.java", 115)});
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("dispatch failed", tripped))).isTrue();
        // an assertion of our own, or the driver's about something else, is a bug, not an outage
        assertThat(DatabaseFailures.isUnavailable(new AssertionError("getAutoCommit() should not throw"))).isFalse();
        AssertionError other = new AssertionError("unexpected state");
        other.setStackTrace(tripped.getStackTrace());
        assertThat(DatabaseFailures.isUnavailable(other)).isFalse();
    }

    @Test
    void leavesEveryOtherFailureAlone() {
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("constraint"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("syntax error", "42601"))).isFalse();
    }

    @Test
    void survivesACauseCycle() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(DatabaseFailures.isUnavailable(first)).isFalse();
    }
}
