package org.campaignledger.query.progress;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.campaignledger.query.projection.ColumnArrays;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One progress batch's changes summed per campaign, recording hour, unit and business day, added to
 * {@code fact_change_hour} by one statement ({@link ColumnArrays}). The progress batch hands it every change row it writes to
 * {@code fact_change}, so the hours always sum to the changes, live and rebuilt alike.
 */
final class RecordedHours {

    private record HourKey(String campaignId, Instant hour, String unitCode, int day) {
    }

    private static final String UPSERT = "INSERT INTO fact_change_hour (campaign_id, recorded_hour, unit_code, day, "
            + Measure.COLUMNS + ") SELECT * FROM %s"
            + " ON CONFLICT (campaign_id, recorded_hour, unit_code, day) DO UPDATE SET "
            + Arrays.stream(Measure.values())
                    .map(m -> m.column() + " = fact_change_hour." + m.column() + " + EXCLUDED." + m.column())
                    .collect(Collectors.joining(", "));

    private static final List<String> TYPES = new ArrayList<>(List.of("varchar", "timestamptz", "varchar", "int2"));

    static {
        TYPES.addAll(Collections.nCopies(Measure.COUNT, "int8"));
    }

    private final Map<HourKey, long[]> sums = new LinkedHashMap<>();

    /** The hour a change recorded at {@code recordedAt} counts in: UTC, as {@code date_trunc('hour', t, 'UTC')}. */
    static Instant hourOf(Instant recordedAt) {
        return recordedAt.truncatedTo(ChronoUnit.HOURS);
    }

    void add(String campaignId, String unitCode, int day, Instant recordedAt, long[] deltas) {
        long[] sum = sums.computeIfAbsent(new HourKey(campaignId, hourOf(recordedAt), unitCode, day),
                key -> new long[Measure.COUNT]);
        for (int m = 0; m < Measure.COUNT; m++) {
            sum[m] += deltas[m];
        }
    }

    void write(JdbcTemplate jdbc) {
        if (sums.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> {
            Object[] row = new Object[4 + Measure.COUNT];
            row[0] = key.campaignId();
            row[1] = key.hour().toString();  // ISO with its Z: no session time zone involved
            row[2] = key.unitCode();
            row[3] = key.day();
            for (int m = 0; m < Measure.COUNT; m++) {
                row[4 + m] = sum[m];
            }
            rows.add(row);
        });
        ColumnArrays.write(jdbc, UPSERT, TYPES, rows);
        sums.clear();
    }
}
