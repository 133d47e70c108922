package org.campaignledger.command.web;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the idempotency interceptor on the command bus, inside each command's transaction. */
@Configuration(proxyBeanMethods = false)
class CommandBusConfiguration {

    @Bean
    ConfigurerModule idempotencyOnCommandBus(IdempotencyRecords records) {
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(() ->
                configuration.getComponent(CommandBus.class)
                        .registerHandlerInterceptor(new IdempotencyInterceptor(records))));
    }
}
