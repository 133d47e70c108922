package org.campaignledger.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class MessageMetersTest {

    record RecordSomething(String id) {
    }

    record RecordOther(String id) {
    }

    @Test
    void registersTheSameMetersAsAxonsDimensionalMonitorOfTheCommandBus() {
        assertSameMetersAsAxon(org.axonframework.commandhandling.CommandBus.class,
                MessageMeters.ofHandlerBus(new SimpleMeterRegistry(), "commandBus"),
                command(new RecordSomething("a")), command(new RecordOther("b")));
    }

    @Test
    void registersTheSameMetersAsAxonsDimensionalMonitorOfTheEventStore() {
        assertSameMetersAsAxon(org.axonframework.eventsourcing.eventstore.EventStore.class,
                MessageMeters.ofEventBus(new SimpleMeterRegistry(), "eventStore"),
                GenericEventMessage.asEventMessage(new RecordSomething("a")),
                GenericEventMessage.asEventMessage(new RecordOther("b")));
    }

    @Test
    void registersTheSameMetersAsAxonsDimensionalMonitorOfAnEventProcessor() {
        assertSameMetersAsAxon(org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor.class, "progress",
                MessageMeters.ofEventProcessor(new SimpleMeterRegistry(), "progress"),
                GenericEventMessage.asEventMessage(new RecordSomething("a")),
                GenericEventMessage.asEventMessage(new RecordOther("b")));
    }

    @Test
    void anEventProcessorsLatencyIsTheAgeOfTheLastEventItTookAndItsMetersCarryItsName() {
        MockClock clock = new MockClock();
        MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        MessageMeters meters = MessageMeters.ofEventProcessor(registry, "unit-details");
        clock.add(Duration.ofMinutes(5));
        Instant recorded = Instant.ofEpochMilli(clock.wallTime()).minusMillis(1_500);

        meters.onMessageIngested(new GenericEventMessage<>(new GenericMessage<>(new RecordSomething("a")),
                () -> recorded)).reportSuccess();

        assertThat(registry.get("eventProcessor.latency").tag("processorName", "unit-details").gauge().value())
                .isEqualTo(1_500.0);
        assertThat(registry.get("eventProcessor.successCounter").tags("processorName", "unit-details",
                "payloadType", "RecordSomething").counter().count()).isEqualTo(1.0);
    }

    @Test
    void capacityIsTheBusyTimeOfTheLastTenCompleteSecondsPerPayloadType() {
        MockClock clock = new MockClock();
        MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        MessageMeters meters = MessageMeters.ofHandlerBus(registry, "commandBus");
        for (int second = 0; second < 12; second++) {
            // each second: one command that takes 500 ms
            MessageMonitor.MonitorCallback callback = meters.onMessageIngested(command(new RecordSomething("a")));
            clock.add(Duration.ofMillis(500));
            callback.reportSuccess();
            clock.add(Duration.ofMillis(500));
        }
        assertThat(capacity(registry)).isEqualTo(0.5);

        clock.add(Duration.ofSeconds(5));
        assertThat(capacity(registry)).isEqualTo(0.25);
        clock.add(Duration.ofSeconds(6));
        assertThat(capacity(registry)).isZero();
    }

    private static double capacity(MeterRegistry registry) {
        return registry.get("commandBus.capacity").tag("payloadType", "RecordSomething").gauge().value();
    }

    private static void assertSameMetersAsAxon(Class<?> component, MessageMeters meters, Message<?> one,
                                               Message<?> other) {
        assertSameMetersAsAxon(component, meters.name(), meters, one, other);
    }

    private static void assertSameMetersAsAxon(Class<?> component, String componentName, MessageMeters meters,
                                               Message<?> one, Message<?> other) {
        MeterRegistry axons = new SimpleMeterRegistry();
        @SuppressWarnings("unchecked")
        MessageMonitor<Message<?>> axon = (MessageMonitor<Message<?>>) new GlobalMetricRegistry(axons)
                .registerComponentWithDefaultTags(component, componentName);

        for (MessageMonitor<Message<?>> monitor : java.util.List.of(axon, meters)) {
            monitor.onMessageIngested(one).reportSuccess();
            monitor.onMessageIngested(other).reportFailure(new IllegalStateException());
            monitor.onMessageIngested(one).reportIgnored();
        }

        assertThat(described(meters.registry())).isEqualTo(outcomeTimersWithoutPercentiles(described(axons)))
                .isNotEmpty();
    }

    /** The one difference, on purpose: Axon's success, failure and ignored timers publish percentiles too. */
    private static Set<String> outcomeTimersWithoutPercentiles(Set<String> axons) {
        Set<String> expected = new TreeSet<>();
        for (String line : axons) {
            if (line.matches("\\S+\\.(successTimer|failureTimer|ignoredTimer)\\.percentile .*")) {
                continue;
            }
            boolean outcome = line.matches("\\S+\\.(successTimer|failureTimer|ignoredTimer) .*");
            expected.add(outcome ? line.replaceAll(" \\d+ percentiles$", " 0 percentiles") : line);
        }
        assertThat(expected).isNotEqualTo(axons);
        return expected;
    }

    @Test
    void countsAndTimesEachOutcomePerPayloadType() {
        MeterRegistry registry = new SimpleMeterRegistry();
        MessageMeters meters = MessageMeters.ofHandlerBus(registry, "commandBus");

        meters.onMessageIngested(command(new RecordSomething("a"))).reportSuccess();
        meters.onMessageIngested(command(new RecordSomething("b"))).reportSuccess();
        meters.onMessageIngested(command(new RecordSomething("c"))).reportFailure(new IllegalStateException());
        meters.onMessageIngested(command(new RecordOther("d"))).reportIgnored();

        assertThat(count(registry, "commandBus.ingestedCounter", "RecordSomething")).isEqualTo(3);
        assertThat(count(registry, "commandBus.successCounter", "RecordSomething")).isEqualTo(2);
        assertThat(count(registry, "commandBus.failureCounter", "RecordSomething")).isEqualTo(1);
        assertThat(count(registry, "commandBus.processedCounter", "RecordSomething")).isEqualTo(3);
        assertThat(count(registry, "commandBus.ignoredCounter", "RecordOther")).isEqualTo(1);
        assertThat(registry.get("commandBus.allTimer").tag("payloadType", "RecordSomething").timer().count()).isEqualTo(3);
        assertThat(registry.get("commandBus.successTimer").tag("payloadType", "RecordSomething").timer().count()).isEqualTo(2);
        assertThat(registry.get("commandBus.failureTimer").tag("payloadType", "RecordSomething").timer().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.ignoredTimer").tag("payloadType", "RecordOther").timer().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.allTimer").tag("payloadType", "RecordSomething").timer().takeSnapshot()
                .percentileValues()).hasSize(6);
        assertThat(registry.get("commandBus.successTimer").tag("payloadType", "RecordSomething").timer().takeSnapshot()
                .percentileValues()).isEmpty();
    }

    private static Message<?> command(Object payload) {
        return GenericCommandMessage.asCommandMessage(payload);
    }

    private static double count(MeterRegistry registry, String name, String payloadType) {
        return registry.get(name).tag("payloadType", payloadType).counter().count();
    }

    /** Every meter's name, type, tags and (for timers) published percentiles. */
    private static Set<String> described(MeterRegistry registry) {
        Set<String> described = new TreeSet<>();
        for (Meter meter : registry.getMeters()) {
            StringBuilder line = new StringBuilder(meter.getId().getName()).append(' ').append(meter.getId().getType())
                    .append(' ').append(meter.getId().getTags());
            if (meter instanceof io.micrometer.core.instrument.Timer timer) {
                line.append(' ').append(timer.takeSnapshot().percentileValues().length).append(" percentiles");
            }
            described.add(line.toString());
        }
        return described;
    }
}
