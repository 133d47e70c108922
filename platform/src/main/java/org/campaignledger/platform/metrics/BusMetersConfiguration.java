package org.campaignledger.platform.metrics;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The command bus, the event store and the event processors get {@link MessageMeters}: Axon's dimensional meters,
 * looked up once per payload type instead of built per message. Every other component (the query bus, the query
 * update emitter) keeps Axon's own monitor. Runs after Axon's {@code MetricsConfigurerModule} (order 0), whose
 * monitor factory it replaces and delegates to.
 */
@AutoConfiguration(after = MicrometerMetricsAutoConfiguration.class)
@ConditionalOnProperty(name = "axon.metrics.micrometer.dimensional", havingValue = "true")
public class BusMetersConfiguration {

    @Bean
    @ConditionalOnBean(GlobalMetricRegistry.class)
    ConfigurerModule busMetersOncePerPayloadType(GlobalMetricRegistry axonMeters) {
        return new ConfigurerModule() {
            @Override
            @SuppressWarnings("unchecked")
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(axon -> (componentType, componentName) -> {
                    if (CommandBus.class.isAssignableFrom(componentType)) {
                        return MessageMeters.ofHandlerBus(axonMeters.getRegistry(), componentName);
                    }
                    if (EventBus.class.isAssignableFrom(componentType)) {
                        return MessageMeters.ofEventBus(axonMeters.getRegistry(), componentName);
                    }
                    if (EventProcessor.class.isAssignableFrom(componentType)) {
                        return MessageMeters.ofEventProcessor(axonMeters.getRegistry(), componentName);
                    }
                    return (MessageMonitor<Message<?>>) axonMeters.registerComponentWithDefaultTags(componentType,
                            componentName);
                });
            }

            @Override
            public int order() {
                return 1;
            }
        };
    }
}
