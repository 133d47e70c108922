package org.campaignledger.command.throughput;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
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
 * {@code <aggregate>AggregateFactory} when there is one. (Axon's {@code GenericAggregateFactory} would inspect the
 * aggregate's handlers again, without the Spring beans some of their parameters are, and fails in the packaged
 * application; a constructor is all that is needed.)
 */
@Configuration(proxyBeanMethods = false)
class AggregateFactories {

    @Bean
    AggregateFactory<Campaign> campaignAggregateFactory() {
        return new Constructed<>(Campaign.class);
    }

    @Bean
    AggregateFactory<AdministrativeUnit> administrativeUnitAggregateFactory() {
        return new Constructed<>(AdministrativeUnit.class);
    }

    @Bean
    AggregateFactory<Participant> participantAggregateFactory() {
        return new Constructed<>(Participant.class);
    }

    @Bean
    AggregateFactory<SupportPoint> supportPointAggregateFactory() {
        return new Constructed<>(SupportPoint.class);
    }

    @Bean
    AggregateFactory<Person> personAggregateFactory() {
        return new Constructed<>(Person.class);
    }

    /** Makes an aggregate with its no-argument constructor (of any visibility). */
    static final class Constructed<T> implements AggregateFactory<T> {

        private final Class<T> type;
        private final Constructor<T> constructor;

        Constructed(Class<T> type) {
            this.type = type;
            try {
                this.constructor = type.getDeclaredConstructor();
                this.constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IncompatibleAggregateException("aggregate " + type.getName()
                        + " has no no-argument constructor", e);
            }
        }

        @Override
        public T createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
            if (firstEvent != null && type.isInstance(firstEvent.getPayload())) {
                return type.cast(firstEvent.getPayload()); // a snapshot, as Axon's factories do (the ledger takes none)
            }
            try {
                return constructor.newInstance();
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IncompatibleAggregateException("could not make aggregate " + type.getName(), e);
            }
        }

        @Override
        public Class<T> getAggregateType() {
            return type;
        }
    }
}
