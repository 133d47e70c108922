package org.campaignledger.bench;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Does autovacuum's ANALYZE for the run's schema when the server has autovacuum switched off (this machine's
 * PostgreSQL does): without it the tables keep the statistics of their empty start, the projections'
 * prepared statements keep plans made for empty tables, and at scale 1 the progress projection fell behind the
 * ingest by minutes (a participant lookup took 0.3 s instead of 3 ms). Production runs autovacuum
 * (docs/PERFORMANCE.md, "PostgreSQL settings"); the report says when the bench stood in for it.
 */
final class Statistics implements AutoCloseable {

    private static final long EVERY_SECONDS = 30;

    private final ScheduledExecutorService analyzer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-analyze");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong rounds = new AtomicLong();

    private Statistics() {
    }

    /** Starts analyzing every {@value #EVERY_SECONDS} s if autovacuum is off; otherwise does nothing. */
    static Statistics keptFor(JdbcTemplate jdbc, String schema) {
        Statistics statistics = new Statistics();
        if ("off".equals(jdbc.queryForObject("show autovacuum", String.class))) {
            statistics.analyzer.scheduleWithFixedDelay(() -> statistics.analyze(jdbc, schema), EVERY_SECONDS,
                    EVERY_SECONDS, TimeUnit.SECONDS);
        }
        return statistics;
    }

    private void analyze(JdbcTemplate jdbc, String schema) {
        try {
            List<String> tables = jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = ?",
                    String.class, schema);
            for (String table : tables) {
                jdbc.execute("ANALYZE " + schema + "." + table);
            }
            rounds.incrementAndGet();
        } catch (RuntimeException e) {
            // the next round tries again; a failed ANALYZE changes nothing the run measures
        }
    }

    /** How many times the bench analyzed the schema (0: autovacuum was on, or the run was short). */
    long rounds() {
        return rounds.get();
    }

    @Override
    public void close() {
        analyzer.shutdownNow();
    }
}
