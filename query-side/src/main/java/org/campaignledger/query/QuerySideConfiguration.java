package org.campaignledger.query;

import org.campaignledger.platform.eventstore.MigrationLocations;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The query side's own schema, applied in the same Flyway run as the platform's. */
@Configuration(proxyBeanMethods = false)
class QuerySideConfiguration {

    @Bean
    FlywayConfigurationCustomizer queryMigrations() {
        return MigrationLocations.add("classpath:db/migration/query");
    }
}
