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
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * A bus's or an event processor's meters (the command bus's, the event store's, each projection's), the same as
 * Axon's dimensional Micrometer monitors give it (for {@code commandBus}: timers
 * {@code commandBus.allTimer|successTimer|failureTimer|ignoredTimer}, counters
 * {@code commandBus.ingestedCounter|successCounter|failureCounter|processedCounter|ignoredCounter},
 * the {@code commandBus.capacity} gauge, each tagged {@code payloadType}; an event processor's are named
 * {@code eventProcessor.*}, tagged {@code processorName} too, with an {@code eventProcessor.latency} gauge), but
 * each meter is looked up once per payload type instead of built and registered again for every message (Axon's
 * monitors build four timers, five counters and a gauge per message): for the command bus and the event store
 * together that was about a fifth of the command lanes' CPU (docs/PERFORMANCE.md, B1); for the projections, whose
 * coordinators also meter every event no handler takes, 12 % of the JVM's CPU during B3. The capacity gauge is
 * kept in constant memory ({@link BusyTime}). Only the all-timer publishes percentiles (Axon's outcome timers have
 * them too): each message's time goes into one set of percentile histograms, not two. The client-side percentiles
 * were 9.8 % of the command lanes' CPU in B1 at c=32, and every projection meters every event
 * (docs/PERFORMANCE.md, B1's ninth pass); Grafana's panels read the all-timer's.
 */
public final class MessageMeters implements MessageMonitor<Message<?>> {

    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    private static final Duration CAPACITY_WINDOW = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final String prefix;
    private final Tags componentTags;
    private final boolean perPayloadTypeCountsAndCapacity;
    /** The age of the last event a processor took ({@code eventProcessor.latency}, ms); null for a bus. */
    private final AtomicLong latencyMillis;
    private final Clock clock;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();

    private MessageMeters(MeterRegistry registry, String prefix, Tags componentTags,
                          boolean perPayloadTypeCountsAndCapacity, boolean latency) {
        this.registry = registry;
        this.prefix = prefix;
        this.componentTags = componentTags;
        this.perPayloadTypeCountsAndCapacity = perPayloadTypeCountsAndCapacity;
        this.clock = registry.config().clock();
        this.latencyMillis = latency ? registry.gauge(prefix + ".latency", componentTags, new AtomicLong()) : null;
    }

    /** As Axon meters a command (or query) bus: counters and a capacity gauge per payload type. */
    public static MessageMeters ofHandlerBus(MeterRegistry registry, String name) {
        return new MessageMeters(registry, name, Tags.empty(), true, false);
    }

    /** As Axon meters an event bus or store: counters over all payload types, no capacity gauge. */
    public static MessageMeters ofEventBus(MeterRegistry registry, String name) {
        return new MessageMeters(registry, name, Tags.empty(), false, false);
    }

    /**
     * As Axon meters an event processor: {@code eventProcessor.*} tagged {@code processorName}, counters and a
     * capacity gauge per payload type, and the latency gauge (how old the last event it took was, in ms).
     */
    public static MessageMeters ofEventProcessor(MeterRegistry registry, String processorName) {
        return new MessageMeters(registry, "eventProcessor", Tags.of("processorName", processorName), true, true);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(),
                type -> new Meters(registry, prefix, clock, tags(message).and(componentTags),
                        perPayloadTypeCountsAndCapacity));
        meters.ingested.increment();
        if (latencyMillis != null && message instanceof EventMessage<?> event) {
            latencyMillis.set(clock.wallTime() - event.getTimestamp().toEpochMilli());
        }
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
                    meters.busyTime.add(took);
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
        final BusyTime busyTime;

        Meters(MeterRegistry registry, String prefix, Clock clock, Tags tags, boolean perPayloadTypeCountsAndCapacity) {
            allTime = Timer.builder(prefix + ".allTimer")
                    .distributionStatisticExpiry(Duration.ofMinutes(10))
                    .publishPercentiles(PERCENTILES)
                    .tags(tags)
                    .register(registry);
            successTime = outcomeTimer(registry, prefix + ".successTimer", tags);
            failureTime = outcomeTimer(registry, prefix + ".failureTimer", tags);
            ignoredTime = outcomeTimer(registry, prefix + ".ignoredTimer", tags);
            Tags counted = perPayloadTypeCountsAndCapacity ? tags : Tags.empty();
            ingested = registry.counter(prefix + ".ingestedCounter", counted);
            succeeded = registry.counter(prefix + ".successCounter", counted);
            failed = registry.counter(prefix + ".failureCounter", counted);
            processed = registry.counter(prefix + ".processedCounter", counted);
            ignored = registry.counter(prefix + ".ignoredCounter", counted);
            if (perPayloadTypeCountsAndCapacity) {
                busyTime = new BusyTime(CAPACITY_WINDOW, clock);
                registry.gauge(prefix + ".capacity", tags, busyTime, BusyTime::capacity);
            } else {
                busyTime = null;
            }
        }

        /** Count, total and maximum: the percentiles are the all-timer's (one set of them per message, not two). */
        private static Timer outcomeTimer(MeterRegistry registry, String name, Tags tags) {
            return Timer.builder(name).tags(tags).register(registry);
        }
    }
}
