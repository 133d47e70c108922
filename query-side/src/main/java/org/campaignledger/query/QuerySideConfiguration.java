package org.campaignledger.query;

import org.axonframework.config.ConfigurerModule;
import org.campaignledger.platform.eventstore.MigrationLocations;
import org.campaignledger.query.admin.ProjectionAdmin;
import org.campaignledger.query.projection.ProjectionTransactions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The query side's own schema, applied in the same Flyway run as the platform's, and its processors' transactions. */
@Configuration(proxyBeanMethods = false)
class QuerySideConfiguration {

    @Bean
    FlywayConfigurationCustomizer queryMigrations() {
        return MigrationLocations.add("classpath:db/migration/query");
    }

    /** Every projection's processor writes in {@link ProjectionTransactions}; other processing groups keep Axon's. */
    @Bean
    ConfigurerModule projectionProcessorTransactions(ObjectProvider<ProjectionTransactions> transactions) {
        return configurer -> ProjectionAdmin.PROJECTIONS.forEach(projection -> configurer.eventProcessing()
                .registerTransactionManager(projection, axon -> transactions.getObject().manager()));
    }
}
