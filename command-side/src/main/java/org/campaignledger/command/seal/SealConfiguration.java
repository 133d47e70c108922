package org.campaignledger.command.seal;

import java.time.Clock;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.campaignledger.platform.chain.LedgerSealer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/** The sealer, its daily schedule, and the subscribing processor that seals after a campaign's closing. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SealConfiguration {

    @Bean
    LedgerSealer ledgerSealer(EventStore eventStore, DataSource dataSource, PlatformTransactionManager transactions,
                              Clock clock, @Value("${campaign-ledger.seal.zone}") ZoneId zone) {
        return new LedgerSealer(eventStore, dataSource, transactions, clock, zone);
    }

    /**
     * In the closing command's own unit of work, so it can wait for that commit before sealing. It sees every
     * appended event and ignores all but closings: no per-event meters (see CommandSideConfiguration).
     */
    @Bean
    ConfigurerModule sealOnCloseSubscribes() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerSubscribingEventProcessor(SealOnClose.PROCESSING_GROUP)
                        .registerMessageMonitor(SealOnClose.PROCESSING_GROUP, axon -> NoOpMessageMonitor.instance()));
    }
}
