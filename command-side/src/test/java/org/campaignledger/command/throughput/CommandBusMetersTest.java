package org.campaignledger.command.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class CommandBusMetersTest {

    record RecordSomething(String id) {
    }

    record RecordOther(String id) {
    }

    @Test
    void registersTheSameMetersAsAxonsDimensionalMonitor() {
        MeterRegistry axons = new SimpleMeterRegistry();
        @SuppressWarnings("unchecked")
        MessageMonitor<CommandMessage<?>> axon = (MessageMonitor<CommandMessage<?>>) new GlobalMetricRegistry(axons)
                .registerComponentWithDefaultTags(org.axonframework.commandhandling.CommandBus.class, "commandBus");
        MeterRegistry ours = new SimpleMeterRegistry();
        CommandBusMeters meters = new CommandBusMeters(ours);

        for (MessageMonitor<CommandMessage<?>> monitor : java.util.List.of(axon, meters)) {
            monitor.onMessageIngested(command(new RecordSomething("a"))).reportSuccess();
            monitor.onMessageIngested(command(new RecordOther("b"))).reportFailure(new IllegalStateException());
        }

        assertThat(described(ours)).isEqualTo(described(axons)).isNotEmpty();
    }

    @Test
    void countsAndTimesEachOutcomePerPayloadType() {
        MeterRegistry registry = new SimpleMeterRegistry();
        CommandBusMeters meters = new CommandBusMeters(registry);

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
    }

    private static CommandMessage<?> command(Object payload) {
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
