package org.campaignledger.query.unit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaignledger.query.projection.BatchBuffer;
import org.campaignledger.query.projection.ColumnArrays;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch's support sessions, summed per support point and written with one statement for all points. One
 * UPDATE per session instead would update the same row hundreds of times in one transaction, and PostgreSQL
 * walks the row's whole chain of versions on each (a rebuild's large transactions made that quadratic).
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

    /** One statement for all the batch's points ({@link ColumnArrays}), not one UPDATE per point. */
    void flush(JdbcTemplate jdbc) {
        List<Object[]> rows = totals.entrySet().stream().map(entry -> {
            long[] sum = entry.getValue();
            return new Object[] {entry.getKey().campaignId(), entry.getKey().pointId(), sum[0], sum[1], sum[2],
                    sum[3], sum[4], sum[5]};
        }).toList();
        ColumnArrays.write(jdbc, "UPDATE support_point_view p SET sessions = p.sessions + t.sessions,"
                + " elderly = p.elderly + t.elderly, disabled = p.disabled + t.disabled,"
                + " poor_household = p.poor_household + t.poor_household,"
                + " near_poor_household = p.near_poor_household + t.near_poor_household, other = p.other + t.other"
                + " FROM %s AS t (campaign_id, point_id, sessions, elderly, disabled, poor_household,"
                + " near_poor_household, other) WHERE p.campaign_id = t.campaign_id AND p.point_id = t.point_id",
                List.of("varchar", "varchar", "int8", "int8", "int8", "int8", "int8", "int8"), rows);
        totals.clear();
    }
}
