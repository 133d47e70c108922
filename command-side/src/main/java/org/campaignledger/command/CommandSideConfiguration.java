package org.campaignledger.command;

import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.campaignledger.platform.eventstore.MigrationLocations;

/** What the command side adds to the platform: its clock, its processors and its own tables. */
@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Campaign rules must follow this node's own campaign events at once, in the publishing thread. */
    @Bean
    ConfigurerModule campaignRulesSubscribe() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerSubscribingEventProcessor("campaign-rules")
                        // a forgotten person's names go in the transaction that records the fact
                        .registerSubscribingEventProcessor("personal-data"));
    }

    @Bean
    FlywayConfigurationCustomizer commandSideMigrations() {
        return MigrationLocations.add("classpath:db/migration/command");
    }
}
