package org.campaignledger.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Makes the exposition pass {@code promtool check metrics}, so a lint failure in CI means a new meter, not
 * noise: Axon's camelCase meters ({@code commandBus.allTimer}, tag {@code payloadType}) become
 * {@code axon_command_bus_all_duration_seconds{payload_type=...}} and {@code commandBus.successCounter}
 * {@code axon_command_bus_success_total} ({@code axon_event_processor_latency} is
 * Axon's gauge in milliseconds: its name keeps no unit, since promtool only accepts base units), every meter
 * without a help text gets one, and the three JVM meters whose names break the rules (abbreviated units,
 * a {@code _count} gauge) are left out: their information is in {@code process_cpu_usage} and
 * {@code jvm_info}. The Grafana dashboard in {@code deploy/grafana} queries these names.
 */
@AutoConfiguration
public class PrometheusNaming {

    private static final Set<String> AXON_COMPONENTS = Set.of("commandBus", "eventStore", "queryBus", "eventBus",
            "eventProcessor", "queryUpdateEmitter", "deadlineManager", "sagaManager");
    private static final Set<String> LINT_FAILURES = Set.of("jvm.compilation.time", "process.cpu.time",
            "system.cpu.count");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    @Bean
    MeterFilter prometheusNaming() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return LINT_FAILURES.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                String name = id.getName();
                String baseUnit = id.getBaseUnit();
                Tags tags = Tags.of(id.getTagsAsIterable());
                if (isAxon(name)) {
                    // "successCounter" and "successTimer" become axon_..._success_total and _success_duration_seconds
                    String plain = name.endsWith("Counter") ? name.substring(0, name.length() - 7)
                            : name.endsWith("Timer") ? name.substring(0, name.length() - 5) + "Duration" : name;
                    name = "axon." + snake(plain).replace('_', '.');
                    tags = Tags.empty();
                    for (Tag tag : id.getTagsAsIterable()) {
                        tags = tags.and(snake(tag.getKey()), tag.getValue());
                    }
                }
                String description = id.getDescription() == null || id.getDescription().isBlank()
                        ? "Meter " + id.getName() : id.getDescription();
                return new Meter.Id(name, tags, baseUnit, description, id.getType());
            }
        };
    }

    static boolean isAxon(String name) {
        int dot = name.indexOf('.');
        return dot > 0 && AXON_COMPONENTS.contains(name.substring(0, dot));
    }

    static String snake(String camel) {
        return CAMEL.matcher(camel).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }
}
