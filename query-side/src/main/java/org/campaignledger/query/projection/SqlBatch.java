package org.campaignledger.query.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Statements collected during a batch and run at its commit, in order within each table; consecutive runs of
 * the same SQL on a table go to the database as one JDBC batch (one round trip).
 * <p>
 * Statements on different tables are run table by table, not in the interleaved order they were added: the
 * read model's tables have no foreign keys or triggers, so a statement never sees another table's rows, and
 * one table's statements keep their order. A unit's officers, teams and support points interleave in the log,
 * and in log order each short run of one statement was its own round trip (most of unit-details' time in a
 * rebuild's profile). A statement whose table is not recognised is a barrier: everything before it is run
 * first.
 */
public final class SqlBatch {

    private record Statement(String sql, Object[] args) {
    }

    private static final Pattern TARGET = Pattern.compile("^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);
    /** Table by statement: the statements are constants, so this stays as small as the projections' SQL. */
    private static final Map<String, Optional<String>> TABLES = new ConcurrentHashMap<>();

    private final List<Statement> statements = new ArrayList<>();

    /** The batch of the current unit of work for this projection, flushed with it. */
    public static SqlBatch current(String projection, JdbcTemplate jdbc) {
        return BatchBuffer.current(projection + ".sql", SqlBatch::new, batch -> batch.flush(jdbc));
    }

    public void add(String sql, Object... args) {
        statements.add(new Statement(sql, args));
    }

    void flush(JdbcTemplate jdbc) {
        Map<String, List<Statement>> byTable = new LinkedHashMap<>();
        for (Statement statement : statements) {
            Optional<String> table = table(statement.sql());
            if (table.isPresent()) {
                byTable.computeIfAbsent(table.get(), k -> new ArrayList<>()).add(statement);
            } else {
                byTable.values().forEach(inOrder -> run(jdbc, inOrder));
                byTable.clear();
                run(jdbc, List.of(statement));
            }
        }
        byTable.values().forEach(inOrder -> run(jdbc, inOrder));
        statements.clear();
    }

    static Optional<String> table(String sql) {
        return TABLES.computeIfAbsent(sql, s -> {
            Matcher target = TARGET.matcher(s);
            return target.find() ? Optional.of(target.group(1).toLowerCase()) : Optional.empty();
        });
    }

    /** The statements in the order given, each run of the same SQL as one JDBC batch. */
    private static void run(JdbcTemplate jdbc, List<Statement> inOrder) {
        int i = 0;
        while (i < inOrder.size()) {
            String sql = inOrder.get(i).sql();
            List<Object[]> run = new ArrayList<>();
            while (i < inOrder.size() && inOrder.get(i).sql().equals(sql)) {
                run.add(inOrder.get(i).args());
                i++;
            }
            jdbc.batchUpdate(sql, run);
        }
    }
}
