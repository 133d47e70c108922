package org.campaignledger.platform.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.campaignledger.platform.serialization.LedgerJson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Wires Axon to PostgreSQL without Axon Server: the event store and its schema, and the serializers.
 * Every serializer is Jackson on an {@link ObjectMapper} of its own ({@link LedgerJson}), so no
 * {@code spring.jackson.*} setting can change what is stored.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
public class EventStoreConfiguration {

    /** Metadata keys that every event inherits from the command that caused it. */
    public static final List<String> AUDIT_METADATA = List.of(
            MetadataKeys.PRINCIPAL, MetadataKeys.ROLE, MetadataKeys.IDEMPOTENCY_KEY,
            MetadataKeys.CORRELATION_ID, MetadataKeys.REQUESTED_AT, MetadataKeys.RECEIVED_AT);

    @Bean
    @Primary
    Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jackson();
    }

    private static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(LedgerJson.eventMapper()).build();
    }

    @Bean
    EventSchema eventSchema() {
        return ledgerSchema();
    }

    /** The event store's table and column names (migration V1_0_1). */
    public static EventSchema ledgerSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("recorded_at")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's JDBC components take the connection of the Spring transaction they run in, and nothing else.
     * Axon's default wraps this in a {@code UnitOfWorkAwareConnectionProviderWrapper}, which ties commit and
     * rollback of that connection to whichever unit of work first asked for it. On the group-commit bus that is
     * often one command's nested unit of work: its commit committed the group's transaction early, and when that
     * command was rejected its rollback undid the group's writes so far (the other commands' Idempotency-Key rows)
     * while their events, appended afterwards, were committed (GroupCommitIT, ConcurrentWritersIT). Every Axon
     * use of JDBC here runs inside a Spring transaction (the command bus's, the processors', the stores'
     * {@code TransactionManager}), which owns commit and rollback alone.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        return new LedgerEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new UniqueKeyViolations(persistenceExceptionResolver))
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .dataType(byte[].class)
                .schema(eventSchema));
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(AUDIT_METADATA.toArray(String[]::new));
    }

    /**
     * Migrations connect on their own, without the pool's {@code statement_timeout} (platform defaults): a
     * migration may rightly run for minutes on a large log (V1_0_5 hashes every existing event), where a
     * request's statement is cut off after seconds.
     */
    @Bean
    FlywayConfigurationCustomizer migrationsWithoutStatementTimeout(DataSourceProperties dataSource) {
        return configuration -> configuration.dataSource(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword());
    }

    @Bean
    FlywayConfigurationCustomizer platformMigrations() {
        return MigrationLocations.add("classpath:db/migration/platform");
    }
}
