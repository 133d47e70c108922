package org.campaignledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * The machine's own limits, in plain JDBC on the same PostgreSQL, with rows shaped like the ledger's
 * events (the same columns and indexes, a real event's payload and metadata). Its table has a
 * sequence of its own, so the references never touch the event store's global index.
 */
final class Limits {

    static final int BATCH_SIZE = 500;

    private final DataSource dataSource;
    private final byte[] payload;
    private final byte[] metaData;

    Limits(DataSource dataSource, byte[] payload, byte[] metaData) {
        this.dataSource = dataSource;
        this.payload = payload;
        this.metaData = metaData;
    }

    void createTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("""
                    CREATE TABLE IF NOT EXISTS bench_limit_event (
                        global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255),
                        recorded_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(), payload_type VARCHAR(255) NOT NULL,
                        payload_revision VARCHAR(255), payload BYTEA NOT NULL, meta_data BYTEA, campaign_id VARCHAR(64),
                        unit_code VARCHAR(64), occurred_on DATE, UNIQUE (aggregate_identifier, sequence_number))""");
            ddl.execute("CREATE INDEX IF NOT EXISTS bench_limit_campaign_unit "
                    + "ON bench_limit_event (campaign_id, unit_code, global_index)");
            ddl.execute("CREATE INDEX IF NOT EXISTS bench_limit_recorded_at ON bench_limit_event (recorded_at)");
        }
    }

    /** limit-single: one INSERT per transaction (autocommit), {@code concurrency} connections, for {@code time}. */
    double single(int concurrency, Duration time) throws Exception {
        return single(concurrency, time, true);
    }

    /**
     * limit-single's rows, each in a transaction that the driver begins with its INSERT and ends with a COMMIT of its
     * own: two round trips a row instead of one, as a transaction of the ledger takes at the least. Beside
     * limit-single it tells what a round trip weighs on this machine against the commit's flush.
     */
    double singleInTwoRoundTrips(int concurrency, Duration time) throws Exception {
        return single(concurrency, time, false);
    }

    private double single(int concurrency, Duration time, boolean autoCommit) throws Exception {
        LongAdder rows = new LongAdder();
        long end = System.nanoTime() + time.toNanos();
        long start = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                done.add(threads.submit(() -> {
                    try (Connection connection = dataSource.getConnection();
                         PreparedStatement insert = connection.prepareStatement(INSERT)) {
                        connection.setAutoCommit(autoCommit);
                        String aggregate = UUID.randomUUID().toString();
                        for (long sequence = 0; System.nanoTime() < end; sequence++) {
                            bind(insert, aggregate, sequence);
                            insert.executeUpdate();
                            if (!autoCommit) {
                                connection.commit();
                            }
                            rows.increment();
                        }
                        connection.setAutoCommit(true);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return rows.sum() / seconds(start);
    }

    /** limit-batch: {@code rows} rows in JDBC batches of {@link #BATCH_SIZE}, one transaction per batch. */
    double batch(int rows) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            String aggregate = UUID.randomUUID().toString();
            for (int row = 0; row < rows; row++) {
                bind(insert, aggregate, row);
                insert.addBatch();
                if ((row + 1) % BATCH_SIZE == 0 || row == rows - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            connection.setAutoCommit(true);
        }
        return rows / seconds(start);
    }

    /** limit-scan: reads the whole event table in order and decodes every payload and metadata as JSON. */
    double scan(ObjectMapper json) throws Exception {
        long start = System.nanoTime();
        long events = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("SELECT global_index, aggregate_identifier, "
                    + "sequence_number, payload_type, payload, meta_data FROM domain_event_entry ORDER BY global_index")) {
                select.setFetchSize(1_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        json.readTree(rows.getBytes(5));
                        json.readTree(rows.getBytes(6));
                        events++;
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
        return events / seconds(start);
    }

    private static final String INSERT = "INSERT INTO bench_limit_event (event_identifier, aggregate_identifier, "
            + "sequence_number, type, payload_type, payload_revision, payload, meta_data, campaign_id, unit_code, "
            + "occurred_on) VALUES (?,?,?,?,?,?,?,?,?,?,?)";

    private void bind(PreparedStatement insert, String aggregate, long sequence) throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, aggregate);
        insert.setLong(3, sequence);
        insert.setString(4, "SupportPoint");
        insert.setString(5, "org.campaignledger.api.support.SupportSessionRecordedEvent");
        insert.setString(6, "1");
        insert.setBytes(7, payload);
        insert.setBytes(8, metaData);
        insert.setString(9, "bench");
        insert.setString(10, "00004");
        insert.setDate(11, java.sql.Date.valueOf("2025-08-01"));
    }

    static double seconds(long startNanos) {
        return Math.max(1, System.nanoTime() - startNanos) / 1e9;
    }
}
