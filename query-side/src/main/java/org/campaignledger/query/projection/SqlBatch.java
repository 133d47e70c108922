package org.campaignledger.query.projection;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Statements collected during a batch and run in order at its commit; consecutive runs of the same SQL
 * go to the database as one JDBC batch.
 */
public final class SqlBatch {

    private record Statement(String sql, Object[] args) {
    }

    private final List<Statement> statements = new ArrayList<>();

    /** The batch of the current unit of work for this projection, flushed with it. */
    public static SqlBatch current(String projection, JdbcTemplate jdbc) {
        return BatchBuffer.current(projection + ".sql", SqlBatch::new, batch -> batch.flush(jdbc));
    }

    public void add(String sql, Object... args) {
        statements.add(new Statement(sql, args));
    }

    void flush(JdbcTemplate jdbc) {
        int i = 0;
        while (i < statements.size()) {
            String sql = statements.get(i).sql();
            List<Object[]> run = new ArrayList<>();
            while (i < statements.size() && statements.get(i).sql().equals(sql)) {
                run.add(statements.get(i).args());
                i++;
            }
            jdbc.batchUpdate(sql, run);
        }
        statements.clear();
    }
}
