package org.campaignledger.query.unit;

import java.util.ArrayList;
import java.util.List;
import org.campaignledger.query.projection.BatchBuffer;
import org.campaignledger.query.projection.ColumnArrays;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch's support sessions, written with one statement for all points: summed per point by the database, each
 * session counted only if its sequence number is above the last one the point holds, so a session delivered again
 * (a streaming processor delivers at least once) is not added twice. One UPDATE per session instead would update
 * the same row hundreds of times in one transaction, and PostgreSQL walks the row's whole chain of versions on each
 * (a rebuild's large transactions made that quadratic).
 */
final class SessionTotals {

    private static final int SERVED_GROUPS = 5;

    private final List<Object[]> sessions = new ArrayList<>();

    /** The current batch's totals; written after the batch's other statements (which open the points). */
    static SessionTotals current(String projection, JdbcTemplate jdbc, Runnable registerStatementsFirst) {
        registerStatementsFirst.run();
        return BatchBuffer.current(projection + ".sessions", SessionTotals::new, totals -> totals.flush(jdbc));
    }

    /**
     * @param sequence the session's sequence number in its support point's stream
     * @param served   people served by priority group: elderly, disabled, poor, near-poor, other
     */
    void add(String campaignId, String pointId, long sequence, int... served) {
        if (served.length != SERVED_GROUPS) {
            throw new IllegalArgumentException("people served in " + SERVED_GROUPS + " groups, not " + served.length);
        }
        sessions.add(new Object[] {campaignId, pointId, sequence, (long) served[0], (long) served[1],
                (long) served[2], (long) served[3], (long) served[4]});
    }

    /**
     * One statement for all the batch's sessions ({@link ColumnArrays}): the same session twice in the batch counts
     * once ({@code DISTINCT}), and one the point already holds not at all.
     */
    void flush(JdbcTemplate jdbc) {
        ColumnArrays.write(jdbc, "UPDATE support_point_view p SET sessions = p.sessions + s.sessions,"
                + " elderly = p.elderly + s.elderly, disabled = p.disabled + s.disabled,"
                + " poor_household = p.poor_household + s.poor_household,"
                + " near_poor_household = p.near_poor_household + s.near_poor_household, other = p.other + s.other,"
                + " last_session_sequence = s.last"
                + " FROM (SELECT t.campaign_id, t.point_id, count(*) AS sessions, sum(t.elderly) AS elderly,"
                + " sum(t.disabled) AS disabled, sum(t.poor_household) AS poor_household,"
                + " sum(t.near_poor_household) AS near_poor_household, sum(t.other) AS other, max(t.seq) AS last"
                + " FROM (SELECT DISTINCT * FROM %s AS u (campaign_id, point_id, seq, elderly, disabled,"
                + " poor_household, near_poor_household, other)) t"
                + " JOIN support_point_view v ON v.campaign_id = t.campaign_id AND v.point_id = t.point_id"
                + " WHERE t.seq > v.last_session_sequence GROUP BY t.campaign_id, t.point_id) s"
                + " WHERE p.campaign_id = s.campaign_id AND p.point_id = s.point_id",
                List.of("varchar", "varchar", "int8", "int8", "int8", "int8", "int8", "int8"), sessions);
        sessions.clear();
    }
}
