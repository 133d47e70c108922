package org.campaignledger.bench.peer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The peer-default reference, running beside the ledger in the same JVM and the same database, in a schema
 * of its own: its command gateway for B1, and a rebuild of its projection over a copy of the ledger's own
 * log for B4.
 */
public final class PeerDefault implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String schema;
    private final JdbcTemplate jdbc;

    private PeerDefault(ConfigurableApplicationContext context, String schema) {
        this.context = context;
        this.schema = schema;
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /** Starts the peer on schema {@code schema} of the database the ledger uses (created here if missing). */
    public static PeerDefault start(JdbcTemplate ledger, String schema) {
        ledger.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PeerDefaultApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.application.name=peer-default", "--campaign-ledger.database.schema=" + schema,
                        "--spring.flyway.enabled=false",
                        // the guide's one setting: let Hibernate create the tables ("update" misses the sequences
                        // when another schema of the database has one of the same name)
                        "--spring.jpa.hibernate.ddl-auto=create",
                        "--spring.jpa.properties.hibernate.default_schema=" + schema,
                        "--spring.jpa.open-in-view=false",
                        // HikariCP's own defaults (the ledger's platform raises the pool to 20)
                        "--spring.datasource.hikari.maximum-pool-size=10",
                        "--spring.datasource.hikari.connection-timeout=30000",
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        return new PeerDefault(context, schema);
    }

    public CommandGateway gateway() {
        return context.getBean(CommandGateway.class);
    }

    /** What Axon chose for the projection's processor, for the report (e.g. "TrackingEventProcessor, batch 1"). */
    public String describe() {
        EventProcessor processor = processor();
        String storage = context.getBean(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class)
                .getClass().getSimpleName();
        return processor.getClass().getSimpleName() + " (Axon's default), " + storage + ", Hibernate "
                + org.hibernate.Version.getVersionString() + ", payload column "
                + jdbc.queryForObject("SELECT data_type FROM information_schema.columns WHERE table_schema = ?"
                + " AND table_name = 'domain_event_entry' AND column_name = 'payload'", String.class, schema);
    }

    /**
     * Replaces the peer's log with the first {@code limit} events of the ledger's log (schema {@code ledgerSchema}),
     * as the JPA engine stores them, and rebuilds the projection from it.
     *
     * @return events per second, from the token reset until the processor has applied the last event
     */
    public Rebuild rebuild(String ledgerSchema, long limit, Duration within) {
        StreamingEventProcessor processor = (StreamingEventProcessor) processor();
        processor.shutDown();
        boolean largeObjects = largeObjects();
        String blob = largeObjects ? "lo_from_bytea(0, %s)" : "%s";
        unlinkLargeObjects();
        jdbc.execute("TRUNCATE " + schema + ".domain_event_entry");
        int copied = jdbc.update("INSERT INTO " + schema + ".domain_event_entry (global_index, event_identifier,"
                + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload,"
                + " meta_data) SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type,"
                + " to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), payload_type,"
                + " payload_revision, " + blob.formatted("payload") + ", " + blob.formatted("meta_data")
                + " FROM " + ledgerSchema + ".domain_event_entry ORDER BY global_index LIMIT ?", limit);
        long last = jdbc.queryForObject("SELECT max(global_index) FROM " + schema + ".domain_event_entry", Long.class);
        long start = System.nanoTime();
        processor.resetTokens();
        processor.start();
        awaitPosition(processor, last, start + within.toNanos(), "the peer's rebuild did not reach " + last
                + " within " + within);
        double seconds = (System.nanoTime() - start) / 1e9;
        long facts = context.getBean(UnitFactCounts.class).totalFacts();
        if (facts < copied) {
            throw new IllegalStateException("the peer's projection counted " + facts + " facts of " + copied);
        }
        return new Rebuild(copied, seconds, facts);
    }

    /**
     * @param events how many events were replayed
     * @param factsCounted what the peer's projection counted: one per event, unless it applied some twice
     *                     (reported, not hidden: it happened once, 10,011 for 10,000)
     */
    public record Rebuild(long events, double seconds, long factsCounted) {
        public double perSecond() {
            return events / seconds;
        }
    }

    /**
     * Waits until the peer's projection has applied every event in its log: its processor, one event per transaction,
     * may still be working off a run that has ended, on the same two cores as what is measured next.
     */
    public void awaitCaughtUp(Duration within) {
        Long last = jdbc.queryForObject("SELECT max(global_index) FROM " + schema + ".domain_event_entry", Long.class);
        if (last != null) {
            awaitPosition((StreamingEventProcessor) processor(), last, System.nanoTime() + within.toNanos(),
                    "the peer's projection did not reach " + last + " within " + within);
        }
    }

    private static void awaitPosition(StreamingEventProcessor processor, long last, long deadline, String otherwise) {
        while (position(processor) < last) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(otherwise);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }

    private static long position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return status.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    private EventProcessor processor() {
        return context.getBean(EventProcessingConfiguration.class).eventProcessor(UnitFactCountProjection.NAME)
                .orElseThrow(() -> new IllegalStateException("no processor " + UnitFactCountProjection.NAME));
    }

    /** Stops the peer and drops its schema, with the large objects its rows point to. */
    @Override
    public void close() {
        try {
            unlinkLargeObjects();
        } finally {
            context.close();
        }
    }

    /** Drops the schema; called with the ledger's connection after {@link #close()}. */
    public void drop(JdbcTemplate ledger) {
        ledger.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** The JPA engine's rows point to large objects, which outlive a TRUNCATE; unlinked a few hundred per transaction. */
    private void unlinkLargeObjects() {
        if (!largeObjects()) {
            return;
        }
        Long last = jdbc.queryForObject("SELECT max(global_index) FROM " + schema + ".domain_event_entry", Long.class);
        for (long from = 0; last != null && from <= last; from += 500) {
            jdbc.queryForList("SELECT lo_unlink(o) FROM (SELECT payload AS o FROM " + schema + ".domain_event_entry"
                    + " WHERE global_index BETWEEN ? AND ? UNION ALL SELECT meta_data FROM " + schema
                    + ".domain_event_entry WHERE global_index BETWEEN ? AND ?) AS objects WHERE o IS NOT NULL",
                    from, from + 499, from, from + 499);
        }
    }

    private boolean largeObjects() {
        return "oid".equals(jdbc.queryForObject("SELECT data_type FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = 'domain_event_entry' AND column_name = 'payload'",
                String.class, schema));
    }
}
