package org.campaignledger.command.throughput;

import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.campaignledger.command.campaign.Campaign;
import org.campaignledger.command.people.Person;
import org.campaignledger.command.support.SupportPoint;
import org.campaignledger.command.training.Participant;
import org.campaignledger.command.unit.AdministrativeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each aggregate is made with its no-argument constructor, not as a Spring prototype bean.
 * <p>
 * Axon's Spring support makes every aggregate it loads from the log (each one not in the cache, each
 * create-if-missing) with {@code getBean} of a prototype bean: bean post-processors and autowiring per instance,
 * 8.8 % of the command lanes' CPU while B3 ingested Hanoi's campaign (docs/PERFORMANCE.md). The ledger's
 * aggregates take nothing from Spring (no injected fields: their handlers get rules and clocks as parameters),
 * so the constructor alone builds the same object; {@code GroupCommitIT} checks both. Axon uses a bean named
 * {@code <aggregate>AggregateFactory} when there is one.
 */
@Configuration(proxyBeanMethods = false)
class AggregateFactories {

    @Bean
    AggregateFactory<Campaign> campaignAggregateFactory() {
        return new GenericAggregateFactory<>(Campaign.class);
    }

    @Bean
    AggregateFactory<AdministrativeUnit> administrativeUnitAggregateFactory() {
        return new GenericAggregateFactory<>(AdministrativeUnit.class);
    }

    @Bean
    AggregateFactory<Participant> participantAggregateFactory() {
        return new GenericAggregateFactory<>(Participant.class);
    }

    @Bean
    AggregateFactory<SupportPoint> supportPointAggregateFactory() {
        return new GenericAggregateFactory<>(SupportPoint.class);
    }

    @Bean
    AggregateFactory<Person> personAggregateFactory() {
        return new GenericAggregateFactory<>(Person.class);
    }
}
