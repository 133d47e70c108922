package org.campaignledger.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every row one campaign has in every read model table, in a stable order: to compare two builds row for row. */
final class ProjectionSnapshot {

    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("campaign_view", "campaign_id");
        TABLES.put("progress_campaign", "campaign_id");
        TABLES.put("unit_day_delta", "unit_code, day");
        TABLES.put("fact_change", "event_id, day");
        TABLES.put("fact_change_hour", "recorded_hour, unit_code, day");
        TABLES.put("participant_progress", "participant_id");
        TABLES.put("unit_it_officer", "unit_code, officer_id, assigned_on");
        TABLES.put("unit_team", "unit_code, team_id");
        TABLES.put("support_point_view", "point_id");
        TABLES.put("model_practice_view", "practice_id");
    }

    private ProjectionSnapshot() {
    }

    static Map<String, List<Map<String, Object>>> of(JdbcTemplate jdbc, String campaignId) {
        Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
        TABLES.forEach((table, order) -> snapshot.put(table, jdbc.queryForList(
                "SELECT * FROM " + table + " WHERE campaign_id = ? ORDER BY " + order, campaignId)));
        // the version only tags a state for caches; a rebuild reaches the same state under new tags
        snapshot.get("progress_campaign").forEach(row -> row.remove("version"));
        return snapshot;
    }
}
