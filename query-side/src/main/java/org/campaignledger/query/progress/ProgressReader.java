package org.campaignledger.query.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reads a campaign's progress: the small known-now table ({@code unit_day_delta}, at most units x days
 * rows), and for "as known at T" minus the changes recorded after T ({@code fact_change}, by its
 * (campaign, recorded_at) index). Known-now sums are cached per campaign and version. Subtracting the later changes is the cheap side for the questions asked
 * most: the closing summary and recent instants. Never reads the event log.
 */
@Component
class ProgressReader {

    private static final String SUMS = Measure.COLUMNS.replaceAll("([a-z_]+)", "sum($1)");

    private final JdbcTemplate jdbc;

    ProgressReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A campaign's known-now sums, valid while the campaign's version (changed by every batch that touches it) is unchanged. */
    private record Cached(long version, Progress progress) {
    }

    private final Map<String, Cached> knownNow = new ConcurrentHashMap<>();

    Progress read(CampaignDefinition definition, Instant asKnownAt) {
        if (asKnownAt != null) {
            return load(definition, asKnownAt);
        }
        // the version is read before the rows: rows newer than it only cost a reload next time
        List<Long> version = jdbc.queryForList("SELECT version FROM progress_campaign WHERE campaign_id = ?",
                Long.class, definition.id());
        if (version.isEmpty()) {
            return load(definition, null);
        }
        Cached cached = knownNow.get(definition.id());
        if (cached != null && cached.version() == version.get(0)) {
            return cached.progress();
        }
        Progress progress = load(definition, null);
        knownNow.put(definition.id(), new Cached(version.get(0), progress));
        return progress;
    }

    void forgetAll() {
        knownNow.clear();
    }

    private Progress load(CampaignDefinition definition, Instant asKnownAt) {
        Map<String, long[][]> deltas = new HashMap<>();
        String id = definition.id();
        jdbc.query("SELECT unit_code, day, " + Measure.COLUMNS + " FROM unit_day_delta WHERE campaign_id = ?",
                accumulate(definition, deltas, 1), id);
        if (asKnownAt != null) {
            jdbc.query("SELECT unit_code, day, " + SUMS + " FROM fact_change WHERE campaign_id = ? AND recorded_at > ?"
                    + " GROUP BY unit_code, day", accumulate(definition, deltas, -1), id, Timestamp.from(asKnownAt));
        }
        return Progress.fromDeltas(definition, deltas);
    }

    private static RowCallbackHandler accumulate(CampaignDefinition definition, Map<String, long[][]> deltas,
                                                 int sign) {
        return rs -> {
            int day = rs.getInt(2);
            if (day > definition.durationDays()) {
                return;
            }
            long[] row = deltas.computeIfAbsent(rs.getString(1),
                    unit -> new long[definition.durationDays() + 1][Measure.COUNT])[Math.max(1, day)];
            for (int m = 0; m < Measure.COUNT; m++) {
                row[m] += sign * rs.getLong(3 + m);
            }
        };
    }
}
