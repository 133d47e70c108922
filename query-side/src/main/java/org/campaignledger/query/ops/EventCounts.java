package org.campaignledger.query.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Events in the log per campaign, counted incrementally: the part of the log older than a minute is settled
 * (a writer's transaction is milliseconds long, so no event can still appear below it) and counted once; each
 * refresh counts only the events after it, by primary-key range. At national scale (26 M events) a refresh
 * reads the last minute of the log, not the log.
 */
@Component
class EventCounts {

    /**
     * The latest event recorded over a minute ago. {@code statement_timestamp()} is stable within the statement, so
     * the bound is an index condition on {@code recorded_at}; with the volatile {@code clock_timestamp()} it was a
     * filter, and the index was walked backwards through the whole last minute of the log on every refresh (some
     * 120,000 rows during B3's ingest).
     */
    static final String SETTLED_BOUNDARY = "SELECT global_index FROM domain_event_entry"
            + " WHERE recorded_at < statement_timestamp() - interval '1 minute' ORDER BY recorded_at DESC LIMIT 1";

    private final JdbcTemplate jdbc;
    private final Map<String, Long> settled = new HashMap<>();
    private final Map<String, Long> latest = new ConcurrentHashMap<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private long settledUpTo = -1;

    EventCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    synchronized Map<String, Long> byCampaign() {
        // the latest event recorded over a minute ago: every index below it was taken before it, so committed
        List<Long> boundary = jdbc.queryForList(SETTLED_BOUNDARY, Long.class);
        if (!boundary.isEmpty() && boundary.get(0) > settledUpTo) {
            add(settled, settledUpTo, boundary.get(0));
            settledUpTo = boundary.get(0);
        }
        Map<String, Long> counts = new HashMap<>(settled);
        add(counts, settledUpTo, Long.MAX_VALUE);
        latest.putAll(counts);
        return counts;
    }

    private void add(Map<String, Long> counts, long after, long upTo) {
        jdbc.query("SELECT coalesce(campaign_id, ''), count(*) FROM domain_event_entry"
                + " WHERE global_index > ? AND global_index <= ? GROUP BY 1", rs -> {
                    counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
                }, after, upTo);
    }

    void register(MeterRegistry registry, String campaign, Map<String, Long> counts) {
        latest.putIfAbsent(campaign, counts.getOrDefault(campaign, 0L));
        if (registered.add(campaign)) {
            Gauge.builder("campaign.events", latest, l -> l.getOrDefault(campaign, 0L))
                    .description("Events in the log for the campaign").tag("campaign", campaign).register(registry);
        }
    }
}
