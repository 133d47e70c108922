package org.campaignledger.command.throughput;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.micrometer.reservoir.SlidingTimeWindowReservoir;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The command bus's meters, the same as Axon's dimensional Micrometer monitors give it (timers
 * {@code commandBus.allTimer|successTimer|failureTimer|ignoredTimer} with their percentiles, counters
 * {@code commandBus.ingestedCounter|successCounter|failureCounter|processedCounter|ignoredCounter},
 * the {@code commandBus.capacity} gauge, each tagged {@code payloadType}), but each meter is looked up
 * once per payload type instead of built and registered again for every command (Axon's monitors
 * build four timers, five counters and a gauge per message): that was about a tenth of a command's CPU
 * on the lanes (docs/PERFORMANCE.md, B1).
 */
final class CommandBusMeters implements MessageMonitor<CommandMessage<?>> {

    private static final String PREFIX = "commandBus";
    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    private static final Duration CAPACITY_WINDOW = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();

    CommandBusMeters(MeterRegistry registry) {
        this.registry = registry;
        this.clock = registry.config().clock();
    }

    @Override
    public MonitorCallback onMessageIngested(CommandMessage<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(),
                type -> new Meters(registry, clock, tags(message)));
        meters.ingested.increment();
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.processed.increment();
                meters.succeeded.increment();
                record(meters.successTime);
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.processed.increment();
                meters.failed.increment();
                record(meters.failureTime);
            }

            @Override
            public void reportIgnored() {
                meters.ignored.increment();
                record(meters.ignoredTime);
            }

            private void record(Timer outcome) {
                long took = clock.monotonicTime() - start;
                meters.allTime.record(took, TimeUnit.NANOSECONDS);
                meters.busyTime.update(took);
                outcome.record(took, TimeUnit.NANOSECONDS);
            }
        };
    }

    private static Tags tags(org.axonframework.messaging.Message<?> message) {
        return Tags.of("payloadType", message.getPayloadType().getSimpleName());
    }

    private static final class Meters {
        final Timer allTime;
        final Timer successTime;
        final Timer failureTime;
        final Timer ignoredTime;
        final Counter ingested;
        final Counter succeeded;
        final Counter failed;
        final Counter processed;
        final Counter ignored;
        /** Time spent handling in the last {@link #CAPACITY_WINDOW}: {@code commandBus.capacity} as Axon computes it. */
        final SlidingTimeWindowReservoir busyTime;

        Meters(MeterRegistry registry, Clock clock, Tags tags) {
            allTime = timer(registry, "allTimer", tags);
            successTime = timer(registry, "successTimer", tags);
            failureTime = timer(registry, "failureTimer", tags);
            ignoredTime = timer(registry, "ignoredTimer", tags);
            ingested = registry.counter(PREFIX + ".ingestedCounter", tags);
            succeeded = registry.counter(PREFIX + ".successCounter", tags);
            failed = registry.counter(PREFIX + ".failureCounter", tags);
            processed = registry.counter(PREFIX + ".processedCounter", tags);
            ignored = registry.counter(PREFIX + ".ignoredCounter", tags);
            busyTime = new SlidingTimeWindowReservoir(CAPACITY_WINDOW.toSeconds(), TimeUnit.SECONDS, clock);
            registry.gauge(PREFIX + ".capacity", tags, busyTime, Meters::capacity);
        }

        /** How many handlers were busy on average over the window (1 = one thread busy all the time). */
        private static double capacity(SlidingTimeWindowReservoir busyTime) {
            long busyNanos = busyTime.getMeasurements().stream().mapToLong(Long::longValue).sum();
            return (double) busyNanos / CAPACITY_WINDOW.toNanos();
        }

        private static Timer timer(MeterRegistry registry, String name, Tags tags) {
            return Timer.builder(PREFIX + "." + name)
                    .distributionStatisticExpiry(Duration.ofMinutes(10))
                    .publishPercentiles(PERCENTILES)
                    .tags(tags)
                    .register(registry);
        }
    }
}
