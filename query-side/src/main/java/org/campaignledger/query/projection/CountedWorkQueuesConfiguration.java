package org.campaignledger.query.projection;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.lifecycle.Phase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every pooled processor gets {@link CountedWorkQueues} just before the processors start. */
@Configuration(proxyBeanMethods = false)
class CountedWorkQueuesConfiguration {

    @Bean
    ConfigurerModule countedWorkQueues() {
        return (Configurer configurer) -> configurer.onInitialize(config ->
                config.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () ->
                        config.eventProcessingConfiguration().eventProcessors().values().stream()
                                .filter(PooledStreamingEventProcessor.class::isInstance)
                                .map(PooledStreamingEventProcessor.class::cast)
                                .forEach(CountedWorkQueues::install)));
    }
}
