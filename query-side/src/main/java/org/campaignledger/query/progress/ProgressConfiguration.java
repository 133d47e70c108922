package org.campaignledger.query.progress;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.campaignledger.api.common.CampaignFact;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the progress projection's processor. */
@Configuration(proxyBeanMethods = false)
class ProgressConfiguration {

    /**
     * All events of one campaign go to one segment, in log order: a fact needs its campaign's definition
     * (start date, required courses), and a participant's completions meet in one place. Campaigns still
     * spread over segments.
     */
    @Bean
    SequencingPolicy<EventMessage<?>> campaignSequencingPolicy() {
        SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();
        return event -> event.getPayload() instanceof CampaignFact fact && fact.campaignId() != null
                ? fact.campaignId().value()
                : perAggregate.getSequenceIdentifierFor(event);
    }
}
