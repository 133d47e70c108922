package org.campaignledger.command.throughput;

import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.commandhandling.CommandBusSpanFactory;
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
 * And, always: each command's target aggregate is found by members looked up once per command class
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
            TransactionManager transactionManager, Configuration axon,
            DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
            @Value("${campaign-ledger.command.group-commit.lanes:2}") int lanes,
            @Value("${campaign-ledger.command.group-commit.max-group-size:64}") int maxGroupSize,
            @Value("${campaign-ledger.command.group-commit.linger:0ms}") Duration linger,
            @Value("${campaign-ledger.command.timeout:30s}") Duration callerTimeout) {
        // as Axon's auto-configuration builds it, minus the transaction: the group's root unit owns that
        SimpleCommandBus local = SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                // its meters: platform's BusMetersConfiguration
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        local.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return new GroupCommitCommandBus(local, transactionManager, lanes, maxGroupSize, linger, callerTimeout);
    }
}
