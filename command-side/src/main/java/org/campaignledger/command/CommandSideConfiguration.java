package org.campaignledger.command;

import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.monitoring.NoOpMessageMonitor;
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

    /**
     * Campaign rules must follow this node's own campaign events at once, in the publishing thread.
     * These two processors see every appended event inside the command that appends it, and ignore most;
     * their time is the command's, which the command bus's meters time already. Axon's per-message meters
     * for them (timers with percentiles, built per event) were an eighth of the command lanes' CPU
     * (docs/PERFORMANCE.md, B1), so they have none.
     */
    @Bean
    ConfigurerModule campaignRulesSubscribe() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerSubscribingEventProcessor("campaign-rules")
                        // a forgotten person's names go in the transaction that records the fact
                        .registerSubscribingEventProcessor("personal-data")
                        .registerMessageMonitor("campaign-rules", axon -> NoOpMessageMonitor.instance())
                        .registerMessageMonitor("personal-data", axon -> NoOpMessageMonitor.instance()));
    }

    @Bean
    FlywayConfigurationCustomizer commandSideMigrations() {
        return MigrationLocations.add("classpath:db/migration/command");
    }
}
