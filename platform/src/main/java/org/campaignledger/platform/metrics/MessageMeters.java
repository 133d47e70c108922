package org.campaignledger.platform.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.reservoir.SlidingTimeWindowReservoir;
import org.axonframework.monitoring.MessageMonitor;

/**
 * A bus's meters (the command bus's, the event store's), the same as Axon's dimensional Micrometer monitors
 * give it (for {@code commandBus}: timers {@code commandBus.allTimer|successTimer|failureTimer|ignoredTimer}
 * with their percentiles, counters
 * {@code commandBus.ingestedCounter|successCounter|failureCounter|processedCounter|ignoredCounter},
 * the {@code commandBus.capacity} gauge, each tagged {@code payloadType}), but each meter is looked up
 * once per payload type instead of built and registered again for every message (Axon's monitors
 * build four timers, five counters and a gauge per message): for the command bus and the event store
 * together that was about a fifth of the command lanes' CPU (docs/PERFORMANCE.md, B1).
 */
public final class MessageMeters implements MessageMonitor<Message<?>> {

    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    private static final Duration CAPACITY_WINDOW = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final String prefix;
    private final boolean perPayloadTypeCountsAndCapacity;
    private final Clock clock;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();

    private MessageMeters(MeterRegistry registry, String prefix, boolean perPayloadTypeCountsAndCapacity) {
        this.registry = registry;
        this.prefix = prefix;
        this.perPayloadTypeCountsAndCapacity = perPayloadTypeCountsAndCapacity;
        this.clock = registry.config().clock();
    }

    /** As Axon meters a command (or query) bus: counters and a capacity gauge per payload type. */
    public static MessageMeters ofHandlerBus(MeterRegistry registry, String name) {
        return new MessageMeters(registry, name, true);
    }

    /** As Axon meters an event bus or store: counters over all payload types, no capacity gauge. */
    public static MessageMeters ofEventBus(MeterRegistry registry, String name) {
        return new MessageMeters(registry, name, false);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(),
                type -> new Meters(registry, prefix, clock, tags(message), perPayloadTypeCountsAndCapacity));
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
                if (meters.busyTime != null) {
                    meters.busyTime.update(took);
                }
                outcome.record(took, TimeUnit.NANOSECONDS);
            }
        };
    }

    String name() {
        return prefix;
    }

    MeterRegistry registry() {
        return registry;
    }

    private static Tags tags(Message<?> message) {
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

        Meters(MeterRegistry registry, String prefix, Clock clock, Tags tags, boolean perPayloadTypeCountsAndCapacity) {
            allTime = timer(registry, prefix + ".allTimer", tags);
            successTime = timer(registry, prefix + ".successTimer", tags);
            failureTime = timer(registry, prefix + ".failureTimer", tags);
            ignoredTime = timer(registry, prefix + ".ignoredTimer", tags);
            Tags counted = perPayloadTypeCountsAndCapacity ? tags : Tags.empty();
            ingested = registry.counter(prefix + ".ingestedCounter", counted);
            succeeded = registry.counter(prefix + ".successCounter", counted);
            failed = registry.counter(prefix + ".failureCounter", counted);
            processed = registry.counter(prefix + ".processedCounter", counted);
            ignored = registry.counter(prefix + ".ignoredCounter", counted);
            if (perPayloadTypeCountsAndCapacity) {
                busyTime = new SlidingTimeWindowReservoir(CAPACITY_WINDOW.toSeconds(), TimeUnit.SECONDS, clock);
                registry.gauge(prefix + ".capacity", tags, busyTime, Meters::capacity);
            } else {
                busyTime = null;
            }
        }

        /** How many handlers were busy on average over the window (1 = one thread busy all the time). */
        private static double capacity(SlidingTimeWindowReservoir busyTime) {
            long busyNanos = busyTime.getMeasurements().stream().mapToLong(Long::longValue).sum();
            return (double) busyNanos / CAPACITY_WINDOW.toNanos();
        }

        private static Timer timer(MeterRegistry registry, String name, Tags tags) {
            return Timer.builder(name)
                    .distributionStatisticExpiry(Duration.ofMinutes(10))
                    .publishPercentiles(PERCENTILES)
                    .tags(tags)
                    .register(registry);
        }
    }
}
