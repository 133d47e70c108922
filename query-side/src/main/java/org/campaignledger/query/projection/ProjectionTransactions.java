package org.campaignledger.query.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactions the projections write in: their processors' batches and the bulk replay's pages. Each one
 * commits without waiting for its WAL to reach the disk ({@code SET LOCAL synchronous_commit = off}).
 *
 * <p>That is safe for derived state only, and a read model is nothing else: the rows and the processor's token
 * are one transaction, and PostgreSQL's asynchronous commit loses, on a crash of the database server (not of
 * this application), at most its last few hundred milliseconds of such commits, whole and in commit order. The
 * token then stands where the surviving rows do, and the processor applies the lost events again from the log,
 * which is written with synchronous commit: no acknowledged fact depends on these commits. What it saves is one
 * WAL flush per projection batch, which on this machine costs about as much as a command's own commit and
 * delays it when the two queue behind one another.
 *
 * <p>{@code campaign-ledger.projections.asynchronous-commit=false} keeps every commit synchronous.
 */
@Component
public final class ProjectionTransactions {

    private final TransactionManager manager;

    ProjectionTransactions(TransactionManager axonTransactions, DataSource dataSource,
                           @Value("${campaign-ledger.projections.asynchronous-commit:true}") boolean asynchronous) {
        this.manager = asynchronous ? new AsynchronousCommit(axonTransactions, dataSource) : axonTransactions;
    }

    /** Axon's transaction manager for the projections' processors and their bulk replay. */
    public TransactionManager manager() {
        return manager;
    }

    /** Starts the delegate's transaction and, when it is a new one, relaxes its commit. */
    private record AsynchronousCommit(TransactionManager delegate, DataSource dataSource)
            implements TransactionManager {

        @Override
        public Transaction startTransaction() {
            boolean joining = TransactionSynchronizationManager.isActualTransactionActive();
            Transaction transaction = delegate.startTransaction();
            if (!joining) {
                try {
                    relaxCommit();
                } catch (RuntimeException e) {
                    transaction.rollback();
                    throw e;
                }
            }
            return transaction;
        }

        private void relaxCommit() {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit TO off");
            } catch (SQLException e) {
                throw new CannotCreateTransactionException("could not set the projection's commit mode", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }
}
