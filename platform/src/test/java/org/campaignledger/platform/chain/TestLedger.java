package org.campaignledger.platform.chain;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.campaignledger.platform.eventstore.EventStoreConfiguration;
import org.campaignledger.platform.eventstore.LedgerEventStorageEngine;
import org.campaignledger.platform.serialization.LedgerJson;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A ledger of its own for a test: a fresh schema in the configured database ({@code SPRING_DATASOURCE_URL},
 * else an embedded PostgreSQL), the platform's migrations, Axon's event store on it, the sealer and the verifier.
 * Tampering goes through {@link #asOwner}, which states the intent the append-only trigger asks for.
 */
final class TestLedger implements AutoCloseable {

    private static EmbeddedPostgres embedded;

    final String schema = "chain_" + UUID.randomUUID().toString().substring(0, 8);
    final PGSimpleDataSource dataSource;
    final JdbcTemplate jdbc;
    final TransactionTemplate transaction;
    final LedgerEventStorageEngine engine;
    final EmbeddedEventStore eventStore;
    final LedgerSealer sealer;
    final LedgerVerifier verifier;

    private TestLedger(String migrateUpTo) {
        dataSource = dataSource(schema);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE SCHEMA " + schema);
        migrate(migrateUpTo);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        transaction = new TransactionTemplate(transactions);
        Serializer serializer = JacksonSerializer.builder().objectMapper(LedgerJson.eventMapper()).build();
        engine = new LedgerEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(new SpringTransactionManager(transactions))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .dataType(byte[].class)
                .schema(EventStoreConfiguration.ledgerSchema()));
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        sealer = new LedgerSealer(eventStore, dataSource, transactions, Clock.systemUTC(),
                ZoneId.of("Asia/Ho_Chi_Minh"));
        verifier = new LedgerVerifier(dataSource, transactions);
    }

    static TestLedger migrated() {
        return new TestLedger(null);
    }

    /** Only the event store as it was before the chain (V1_0_1): for the backfill. */
    static TestLedger beforeTheChain() {
        return new TestLedger("1.0.1");
    }

    /** A sealer that runs {@code whileReadingHeads} after it has cut the log, before it reads the heads. */
    LedgerSealer sealer(Runnable whileReadingHeads) {
        return new LedgerSealer(eventStore, dataSource, new DataSourceTransactionManager(dataSource),
                Clock.systemUTC(), ZoneId.of("Asia/Ho_Chi_Minh"), whileReadingHeads);
    }

    void migrate(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/platform");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    void append(String aggregateType, String aggregateId, long sequence, Object payload, Map<String, ?> metaData) {
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(aggregateType,
                aggregateId, sequence, payload, MetaData.from(metaData))));
    }

    /** Runs SQL as the owner who decided to rewrite history: what the append-only trigger otherwise refuses. */
    void asOwner(String sql, Object... args) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL campaign_ledger.rewrite_history = 'on'");
            jdbc.update(sql, args);
        });
    }

    long globalIndex(String aggregateId, long sequence) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = ?", Long.class, aggregateId, sequence);
    }

    static PGSimpleDataSource dataSource(String schema) {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        if (url == null) {
            url = "jdbc:postgresql://localhost:" + embedded().getPort() + "/postgres";
            user = "postgres";
            password = "";
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        if (schema != null) {
            dataSource.setCurrentSchema(schema);
        }
        return dataSource;
    }

    private static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return embedded;
    }

    @Override
    public void close() {
        eventStore.shutDown();
        jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
    }
}
