package org.campaignledger.query.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many rows written by one statement: each column goes to the database as one array parameter and
 * {@code unnest} turns them back into rows, so an upsert of thousands of rows is one statement to plan and
 * run, not thousands of bound executions of the same one (which cost more than the rest of a rebuild's batch).
 * Columns of integers and strings go as typed Java arrays, which the driver sends in PostgreSQL's binary array
 * format; an {@code Object[]} it would spell out as an array literal in text, element by element, and the server
 * would parse it back (half the CPU of the participants' upsert in a rebuild's profile).
 */
public final class ColumnArrays {

    private ColumnArrays() {
    }

    /**
     * Runs {@code sql} once for all {@code rows}.
     *
     * @param sql   the statement, where {@code %s} stands for the rows' source, e.g.
     *              {@code INSERT INTO t (a, b) SELECT * FROM %s ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b}
     * @param types the SQL type of each column, in the order of the rows' values
     * @param rows  the rows, each with one value per type (null for SQL null); no two may hit the same row
     *              of an {@code ON CONFLICT DO UPDATE}
     */
    public static void write(JdbcTemplate jdbc, String sql, List<String> types, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringJoiner source = new StringJoiner(", ", "unnest(", ")");
        types.forEach(type -> source.add("?::" + type + "[]"));
        String statement = sql.formatted(source);
        jdbc.update(connection -> prepare(connection, statement, types, rows));
    }

    private static PreparedStatement prepare(Connection connection, String statement, List<String> types,
                                             List<Object[]> rows) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement);
        for (int column = 0; column < types.size(); column++) {
            prepared.setArray(column + 1, connection.createArrayOf(types.get(column), values(types.get(column),
                    rows, column)));
        }
        return prepared;
    }

    /** One column's values as the array type the driver sends in binary, where it has one. */
    static Object[] values(String type, List<Object[]> rows, int column) {
        Object[] values = switch (type) {
            case "int8" -> new Long[rows.size()];
            case "int4" -> new Integer[rows.size()];
            case "int2" -> new Short[rows.size()];
            case "varchar", "text" -> new String[rows.size()];
            default -> new Object[rows.size()];
        };
        for (int row = 0; row < values.length; row++) {
            Object value = rows.get(row)[column];
            values[row] = value == null ? null : switch (type) {
                case "int8" -> ((Number) value).longValue();
                case "int4" -> Math.toIntExact(((Number) value).longValue());
                case "int2" -> shortOf((Number) value);
                case "varchar", "text" -> (String) value;
                default -> value;
            };
        }
        return values;
    }

    private static Short shortOf(Number value) {
        long exact = value.longValue();
        if (exact != (short) exact) {
            throw new ArithmeticException("out of int2's range: " + value);
        }
        return (short) exact;
    }
}
