package org.campaignledger.command.throughput;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Set;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.training.EnrolParticipantCommand;
import org.campaignledger.platform.eventstore.LedgerEventStorageEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The fast command path, each half switchable (defaults in
 * {@code campaign-ledger-defaults/command-side.properties}):
 * <ul>
 *   <li>{@code campaign-ledger.command.group-commit.enabled}: concurrent commands share a commit
 *       ({@link GroupCommitCommandBus}); off gives Axon's own simple bus, one transaction per command;</li>
 *   <li>{@code campaign-ledger.command.aggregate-cache.size}: how many aggregates stay in memory
 *       between commands ({@link BoundedAggregateCache}); 0 reads every aggregate from its stream.</li>
 * </ul>
 * On the group-commit bus, a group's streams not in the cache are read in one query
 * ({@link LedgerEventStorageEngine#preloadStreams}). And, always: each command's target aggregate is found by members looked up once per command class
 * ({@link CachedCommandTargetResolver}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ThroughputConfiguration {

    /** The name every aggregate's {@code @Aggregate(cache = ...)} refers to. */
    static final String AGGREGATE_CACHE = "aggregateCache";

    @Bean(AGGREGATE_CACHE)
    Cache aggregateCache(@Value("${campaign-ledger.command.aggregate-cache.size:50000}") int size) {
        return size <= 0 ? NoCache.INSTANCE : new BoundedAggregateCache(size);
    }

    /** Found by Axon's aggregate configuration by type: every aggregate's command handler resolves its targets here. */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new CachedCommandTargetResolver();
    }

    /** Replaces Axon's auto-configured simple bus, which backs off when a command bus bean exists. */
    @Bean(destroyMethod = "shutdown")
    @ConditionalOnProperty(name = "campaign-ledger.command.group-commit.enabled", havingValue = "true",
            matchIfMissing = true)
    GroupCommitCommandBus commandBus(
            TransactionManager transactionManager, Configuration axon, EventStorageEngine storageEngine,
            @Qualifier(AGGREGATE_CACHE) Cache aggregateCache,
            DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
            @Value("${campaign-ledger.command.group-commit.lanes:2}") int lanes,
            @Value("${campaign-ledger.command.group-commit.max-group-size:64}") int maxGroupSize,
            @Value("${campaign-ledger.command.group-commit.linger:0ms}") Duration linger,
            @Value("${campaign-ledger.command.group-commit.caller-runs-when-idle:false}") boolean callerRunsWhenIdle,
            @Value("${campaign-ledger.command.timeout:30s}") Duration callerTimeout) {
        // as Axon's auto-configuration builds it, minus the transaction: the group's root unit owns that
        SimpleCommandBus local = SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                // its meters: platform's BusMetersConfiguration
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        local.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return new GroupCommitCommandBus(local, transactionManager, streamPreload(storageEngine, aggregateCache),
                lanes, maxGroupSize, linger, callerTimeout, callerRunsWhenIdle);
    }

    /**
     * How the groups fare, for operators: {@code campaign.command.groups} (a command alone counts as one),
     * {@code campaign.command.group.fallbacks} (groups, or commands alone, run again one by one after a failed
     * commit), {@code campaign.command.creations.assumed} and {@code campaign.command.creations.reread} (creations
     * taken to be new, and those of them rejected and decided again on their stream), and
     * {@code campaign.command.ran.on.caller} (commands an idle bus ran on their caller's thread).
     */
    @Bean
    @ConditionalOnProperty(name = "campaign-ledger.command.group-commit.enabled", havingValue = "true",
            matchIfMissing = true)
    MeterBinder commandGroupMeters(GroupCommitCommandBus bus) {
        return registry -> {
            FunctionCounter.builder("campaign.command.groups", bus, GroupCommitCommandBus::groups)
                    .register(registry);
            FunctionCounter.builder("campaign.command.group.fallbacks", bus, GroupCommitCommandBus::fallbacks)
                    .register(registry);
            FunctionCounter.builder("campaign.command.creations.assumed", bus,
                    GroupCommitCommandBus::creationsAssumed).register(registry);
            FunctionCounter.builder("campaign.command.creations.reread", bus,
                    GroupCommitCommandBus::creationsReread).register(registry);
            FunctionCounter.builder("campaign.command.ran.on.caller", bus, GroupCommitCommandBus::ranOnCaller)
                    .register(registry);
        };
    }

    /**
     * The streams of a group's aggregates that the cache does not hold, in one query; an enrolment's participant and
     * an opening's support point are taken to be new, unread ({@link LedgerStreamPreload}).
     */
    private static StreamPreload streamPreload(EventStorageEngine storageEngine, Cache cache) {
        if (!(storageEngine instanceof LedgerEventStorageEngine ledger)) {
            return StreamPreload.NONE;
        }
        return new LedgerStreamPreload(ledger, cache,
                Set.of(EnrolParticipantCommand.class, OpenSupportPointCommand.class));
    }
}
