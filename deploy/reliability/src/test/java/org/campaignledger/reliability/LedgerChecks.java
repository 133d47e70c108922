package org.campaignledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The checks every fault scenario ends with: each acknowledged command's event is in the log exactly once,
 * no command was recorded twice, and the projections equal a fresh rebuild from the log, row for row.
 */
final class LedgerChecks {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LedgerChecks.class);

    static final String BASIC_DEPARTMENT = "Basic ZGVwYXJ0bWVudDpkZXBhcnRtZW50"; // department:department
    static final List<String> PROJECTIONS = List.of("campaigns", "progress", "unit-details");

    /** The read model tables, keyed for a stable order (as query-side's ProjectionSnapshot compares them). */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

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

    /** What one run found: all but {@code acknowledged} and {@code found} must be 0. */
    record Result(long acknowledged, long found, long missing, long duplicates, long projectionMismatches) {

        Result withProjectionMismatches(long mismatches) {
            return new Result(acknowledged, found, missing, duplicates, mismatches);
        }

        @Override
        public String toString() {
            return "acknowledged " + acknowledged + ", found in the log " + found + ", missing " + missing
                    + ", duplicates " + duplicates + ", projection mismatches " + projectionMismatches;
        }
    }

    private LedgerChecks() {
    }

    /** Each idempotency key in the log of the campaign and how many events carry it. */
    static Map<String, Long> keysInLog(JdbcTemplate jdbc, String campaign) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey', count(*)"
                + " FROM domain_event_entry WHERE campaign_id = ? GROUP BY 1", rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, campaign);
        return counts;
    }

    /** Compares the acknowledged keys with the log; a command records one event, so a key seen twice is a duplicate. */
    static Result acknowledgedExactlyOnce(JdbcTemplate jdbc, String campaign, Collection<String> acknowledged) {
        Map<String, Long> logged = keysInLog(jdbc, campaign);
        long found = acknowledged.stream().filter(logged::containsKey).count();
        long duplicates = logged.entrySet().stream().filter(e -> e.getKey() != null && e.getValue() > 1).count();
        long brokenStreams = jdbc.queryForObject("SELECT count(*) FROM (SELECT aggregate_identifier"
                + " FROM domain_event_entry WHERE campaign_id = ? GROUP BY aggregate_identifier"
                + " HAVING count(*) <> max(sequence_number) + 1 OR count(*) <> count(DISTINCT sequence_number)) s",
                Long.class, campaign);
        return new Result(acknowledged.size(), found, acknowledged.size() - found, duplicates + brokenStreams, 0);
    }

    /** Rebuilds every projection through the admin API and counts the tables whose rows differ from before. */
    static long projectionMismatchesAfterRebuild(String baseUrl, JdbcTemplate jdbc, String campaign) {
        RestClient api = api(baseUrl);
        awaitCaughtUp(api, Duration.ofSeconds(120));
        Map<String, List<Map<String, Object>>> live = snapshot(jdbc, campaign);
        for (String projection : PROJECTIONS) {
            api.post().uri("/api/admin/projections/" + projection + "/rebuild").retrieve().toBodilessEntity();
            await("rebuild of " + projection).atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(300))
                    .ignoreExceptionsInstanceOf(RestClientException.class)
                    .until(() -> {
                        JsonNode status = api.get().uri("/api/admin/projections/" + projection).retrieve()
                                .body(JsonNode.class);
                        return status.hasNonNull("rebuildFinishedAt") && status.path("caughtUp").asBoolean()
                                && !status.path("replaying").asBoolean(true);
                    });
        }
        Map<String, List<Map<String, Object>>> rebuilt = snapshot(jdbc, campaign);
        assertThat(live.get("unit_day_delta")).as("the projection holds something to compare").isNotEmpty();
        List<String> differing = TABLES.keySet().stream().filter(table -> !live.get(table).equals(rebuilt.get(table)))
                .toList();
        // say which tables and rows differ: a count alone left an intermittent failure unexplained
        differing.forEach(table -> log.warn("{} differs from its rebuild: {} rows live, {} rebuilt; first live rows not"
                        + " rebuilt {}; first rebuilt rows not live {}", table, live.get(table).size(),
                rebuilt.get(table).size(), firstMissing(live.get(table), rebuilt.get(table)),
                firstMissing(rebuilt.get(table), live.get(table))));
        return differing.size();
    }

    private static List<Map<String, Object>> firstMissing(List<Map<String, Object>> rows,
                                                          List<Map<String, Object>> from) {
        return rows.stream().filter(row -> !from.contains(row)).limit(3).toList();
    }

    static void awaitCaughtUp(RestClient api, Duration atMost) {
        await("projections caught up").atMost(atMost).pollInterval(Duration.ofMillis(300))
                .ignoreExceptionsInstanceOf(RestClientException.class)
                .until(() -> {
                    JsonNode all = api.get().uri("/api/admin/projections").retrieve().body(JsonNode.class);
                    for (JsonNode status : all) {
                        if (!status.path("caughtUp").asBoolean() || status.path("replaying").asBoolean(true)) {
                            return false;
                        }
                    }
                    return all.size() == PROJECTIONS.size();
                });
    }

    static RestClient api(String baseUrl) {
        return RestClient.builder().baseUrl(baseUrl).defaultHeader("Authorization", BASIC_DEPARTMENT).build();
    }

    static Map<String, List<Map<String, Object>>> snapshot(JdbcTemplate jdbc, String campaign) {
        Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
        TABLES.forEach((table, order) -> snapshot.put(table, jdbc.queryForList(
                "SELECT * FROM " + table + " WHERE campaign_id = ? ORDER BY " + order, campaign)));
        // the version only tags a state for caches; a rebuild reaches the same state under new tags
        snapshot.get("progress_campaign").forEach(row -> row.remove("version"));
        return snapshot;
    }
}
