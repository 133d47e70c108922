package org.campaignledger.query.progress;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a campaign's progress: the small known-now table ({@code unit_day_delta}, at most units x days
 * rows), and for "as known at T" the sums per recording hour ({@code fact_change_hour}) on the cheaper side
 * of T's hour, plus the raw changes ({@code fact_change}) of T's own hour on the cheaper side of T. Never
 * reads the event log.
 *
 * <p>Answers are cached per campaign and version (changed by every batch that touches the campaign): known
 * now, and the last few instants asked. A state and its version are always read in one repeatable-read
 * snapshot, so a cached state is exactly the one its version names.
 */
@Component
class ProgressReader {

    private static final String SUMS = Measure.COLUMNS.replaceAll("([a-z_]+)", "sum($1)");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int INSTANTS_CACHED = 8;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    /** A campaign's known-now deltas and sums at one version. */
    private record KnownNow(long version, Map<String, long[][]> deltas, Progress progress) {
    }

    private record AsKnownAt(String campaignId, long version, Instant instant) {
    }

    private final Map<String, KnownNow> knownNow = new ConcurrentHashMap<>();
    private final Map<AsKnownAt, Progress> knownAt = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AsKnownAt, Progress> eldest) {
            return size() > INSTANTS_CACHED;
        }
    };

    ProgressReader(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    Progress read(CampaignDefinition definition, Instant asKnownAt) {
        String id = definition.id();
        // a question asked before costs one indexed row while the campaign's version is unchanged
        long current = version(id);
        if (asKnownAt == null) {
            KnownNow cached = knownNow.get(id);
            if (cached != null && cached.version() == current) {
                return cached.progress();
            }
        } else {
            synchronized (knownAt) {
                Progress cached = knownAt.get(new AsKnownAt(id, current, asKnownAt));
                if (cached != null) {
                    return cached;
                }
            }
        }
        return snapshot.execute(status -> {
            long version = version(id);
            if (asKnownAt == null) {
                return knownNow(definition, version).progress();
            }
            AsKnownAt key = new AsKnownAt(id, version, asKnownAt);
            synchronized (knownAt) {
                Progress cached = knownAt.get(key);
                if (cached != null) {
                    return cached;
                }
            }
            Progress progress = Progress.fromDeltas(definition, knownAt(definition, version, asKnownAt));
            if (version >= 0) {
                synchronized (knownAt) {
                    knownAt.put(key, progress);
                }
            }
            return progress;
        });
    }

    void forgetAll() {
        knownNow.clear();
        synchronized (knownAt) {
            knownAt.clear();
        }
    }

    /** -1 for a campaign the projection has not written yet: never cached under a real version. */
    private long version(String id) {
        List<Long> version = jdbc.queryForList("SELECT version FROM progress_campaign WHERE campaign_id = ?",
                Long.class, id);
        return version.isEmpty() ? -1 : version.get(0);
    }

    /** Inside the snapshot that read {@code version}. */
    private KnownNow knownNow(CampaignDefinition definition, long version) {
        KnownNow cached = knownNow.get(definition.id());
        if (cached != null && cached.version() == version) {
            return cached;
        }
        Map<String, long[][]> deltas = new HashMap<>();
        jdbc.query("SELECT unit_code, day, " + Measure.COLUMNS + " FROM unit_day_delta WHERE campaign_id = ?",
                accumulate(definition, deltas, 1), definition.id());
        KnownNow read = new KnownNow(version, deltas, Progress.fromDeltas(definition, deltas));
        if (version >= 0) {
            knownNow.put(definition.id(), read);
        }
        return read;
    }

    /** The first and last hour the campaign has changes in. */
    private record Hours(Instant first, Instant last) {
    }

    /**
     * The deltas as known at {@code t}: every change recorded at or before it. With h the hour of t, that is
     * the hours before h plus the changes of h up to t. The hours are summed from the campaign's first hour,
     * or taken from known now (the sum of every hour) less the hours after h, whichever end h is nearer.
     * Within h, the changes up to t are added, or h's sum less its changes after t, whichever half of h t is
     * in (of h up to now, for the current hour). So the raw changes read are at most half an hour's.
     */
    private Map<String, long[][]> knownAt(CampaignDefinition definition, long version, Instant t) {
        String id = definition.id();
        Instant h = RecordedHours.hourOf(t);
        Timestamp hour = Timestamp.from(h);
        Hours hours = jdbc.queryForObject("SELECT min(recorded_hour), max(recorded_hour) FROM fact_change_hour"
                        + " WHERE campaign_id = ?", (rs, n) -> rs.getObject(1) == null ? null
                        : new Hours(rs.getObject(1, OffsetDateTime.class).toInstant(),
                                rs.getObject(2, OffsetDateTime.class).toInstant()), id);
        Map<String, long[][]> deltas = new HashMap<>();
        if (hours == null) {
            return deltas;
        }
        boolean withHourOfT;
        // known now is cached: from the first hour only when it is strictly nearer
        if (Duration.between(hours.first(), h).compareTo(Duration.between(h, hours.last())) < 0) {
            jdbc.query("SELECT unit_code, day, " + SUMS + " FROM fact_change_hour WHERE campaign_id = ?"
                    + " AND recorded_hour < ? GROUP BY unit_code, day", accumulate(definition, deltas, 1), id, hour);
            withHourOfT = false;
        } else {
            knownNow(definition, version).deltas().forEach((unit, days) -> deltas.put(unit, copy(days)));
            jdbc.query("SELECT unit_code, day, " + SUMS + " FROM fact_change_hour WHERE campaign_id = ?"
                    + " AND recorded_hour > ? GROUP BY unit_code, day", accumulate(definition, deltas, -1), id, hour);
            withHourOfT = true;
        }
        String hourOfT = "SELECT unit_code, day, " + Measure.COLUMNS + " FROM fact_change_hour"
                + " WHERE campaign_id = ? AND recorded_hour = ?";
        // the current hour has changes only up to now: its nearer half is measured to now
        Instant endOfHour = Collections.min(List.of(h.plus(HOUR), Instant.now()));
        if (Duration.between(h, t).compareTo(Duration.between(t, endOfHour)) < 0) {
            if (withHourOfT) {
                jdbc.query(hourOfT, accumulate(definition, deltas, -1), id, hour);
            }
            jdbc.query("SELECT unit_code, day, " + SUMS + " FROM fact_change WHERE campaign_id = ?"
                            + " AND recorded_at >= ? AND recorded_at <= ? GROUP BY unit_code, day",
                    accumulate(definition, deltas, 1), id, hour, Timestamp.from(t));
        } else {
            if (!withHourOfT) {
                jdbc.query(hourOfT, accumulate(definition, deltas, 1), id, hour);
            }
            jdbc.query("SELECT unit_code, day, " + SUMS + " FROM fact_change WHERE campaign_id = ?"
                            + " AND recorded_at > ? AND recorded_at < ? GROUP BY unit_code, day",
                    accumulate(definition, deltas, -1), id, Timestamp.from(t), Timestamp.from(h.plus(HOUR)));
        }
        return deltas;
    }

    private static long[][] copy(long[][] days) {
        long[][] copy = new long[days.length][];
        for (int day = 0; day < days.length; day++) {
            copy[day] = days[day].clone();
        }
        return copy;
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
