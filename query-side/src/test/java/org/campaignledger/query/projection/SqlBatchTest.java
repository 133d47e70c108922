package org.campaignledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class SqlBatchTest {

    private static final String ASSIGN = "INSERT INTO unit_it_officer (officer_id, assigned_on) VALUES (?, ?)";
    private static final String RELEASE = "UPDATE unit_it_officer SET released_on = ? WHERE officer_id = ?"
            + " AND released_on IS NULL";
    private static final String TEAM = "insert into unit_team (team_id) values (?)";
    private static final String POINT = "INSERT INTO support_point_view (point_id) VALUES (?)";

    /** What reached the database: one entry per JDBC batch, its SQL and how many rows. */
    private final List<String> sent = new ArrayList<>();
    private final JdbcTemplate jdbc = new JdbcTemplate() {
        @Override
        public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
            sent.add(sql + " x" + batchArgs.size() + " " + batchArgs.stream().map(a -> a[0]).toList());
            return new int[batchArgs.size()];
        }
    };

    @Test
    void interleavedTablesGoOneBatchPerRunWithinEachTableInTheirOrder() {
        SqlBatch batch = new SqlBatch();
        batch.add(ASSIGN, "o1", 1);
        batch.add(TEAM, "t1");
        batch.add(POINT, "p1");
        batch.add(RELEASE, 2, "o1");
        batch.add(TEAM, "t2");
        batch.add(ASSIGN, "o1", 3);
        batch.add(POINT, "p2");
        batch.add(TEAM, "t3");
        batch.add(RELEASE, 4, "o1");

        batch.flush(jdbc);

        // the officer's second assignment stays after the first release: a release matches only open rows
        assertThat(sent).containsExactly(
                ASSIGN + " x1 [o1]", RELEASE + " x1 [2]", ASSIGN + " x1 [o1]", RELEASE + " x1 [4]",
                TEAM + " x3 [t1, t2, t3]",
                POINT + " x2 [p1, p2]");
    }

    @Test
    void aStatementOnNoKnownTableRunsAfterEverythingBeforeIt() {
        SqlBatch batch = new SqlBatch();
        batch.add(TEAM, "t1");
        batch.add("SELECT pg_notify(?, '')", "n");
        batch.add(TEAM, "t2");

        batch.flush(jdbc);

        assertThat(sent).containsExactly(TEAM + " x1 [t1]", "SELECT pg_notify(?, '') x1 [n]", TEAM + " x1 [t2]");
        assertThat(SqlBatch.table(" update  Campaign_View set x = 1")).contains("campaign_view");
    }
}
