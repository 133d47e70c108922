package org.campaignledger.query.unit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaignledger.query.projection.BatchBuffer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch's support sessions, summed per support point and written with one UPDATE per point. One UPDATE per
 * session instead would update the same row hundreds of times in one transaction, and PostgreSQL walks the
 * row's whole chain of versions on each (a rebuild's large transactions made that quadratic).
 */
final class SessionTotals {

    private record Point(String campaignId, String pointId) {
    }

    private final Map<Point, long[]> totals = new LinkedHashMap<>();

    /** The current batch's totals; written after the batch's other statements (which open the points). */
    static SessionTotals current(String projection, JdbcTemplate jdbc, Runnable registerStatementsFirst) {
        registerStatementsFirst.run();
        return BatchBuffer.current(projection + ".sessions", SessionTotals::new, totals -> totals.flush(jdbc));
    }

    /** @param served people served by priority group: elderly, disabled, poor, near-poor, other */
    void add(String campaignId, String pointId, int... served) {
        long[] sum = totals.computeIfAbsent(new Point(campaignId, pointId), k -> new long[1 + served.length]);
        sum[0]++;
        for (int i = 0; i < served.length; i++) {
            sum[1 + i] += served[i];
        }
    }

    void flush(JdbcTemplate jdbc) {
        if (totals.isEmpty()) {
            return;
        }
        List<Object[]> rows = totals.entrySet().stream().map(entry -> {
            long[] sum = entry.getValue();
            return new Object[] {sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], entry.getKey().campaignId(),
                    entry.getKey().pointId()};
        }).toList();
        jdbc.batchUpdate("UPDATE support_point_view SET sessions = sessions + ?, elderly = elderly + ?,"
                + " disabled = disabled + ?, poor_household = poor_household + ?,"
                + " near_poor_household = near_poor_household + ?, other = other + ?"
                + " WHERE campaign_id = ? AND point_id = ?", rows);
        totals.clear();
    }
}
