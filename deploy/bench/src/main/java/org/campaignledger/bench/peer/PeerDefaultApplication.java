package org.campaignledger.bench.peer;

import com.fasterxml.jackson.databind.Module;
import java.time.Clock;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.config.ConfigurerModule;
import org.campaignledger.platform.serialization.IdentifierModule;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

/**
 * The peer: the ledger's own aggregates on Axon as a team gets it from the reference guide's first steps
 * with {@code spring-boot-starter-data-jpa}: Hibernate's defaults, Axon's {@code JpaEventStorageEngine},
 * {@code JpaTokenStore}, Axon's default event processor (tracking, batch size 1, one segment), Axon's
 * simple command bus, no aggregate cache, and a projection that reads and saves one JPA entity per event.
 * Only what the domain cannot do without is set: the campaign-rules lookup the aggregates take, the
 * serializer that can read records (XStream cannot, see STACK-FACTS), and the typed ids' JSON module.
 * None of the ledger's own wiring (platform auto-configuration, JDBC event store, group commit) is here.
 */
@SpringBootApplication(excludeName = {
        "org.campaignledger.platform.eventstore.EventStoreConfiguration",
        "org.campaignledger.platform.serialization.JsonConfiguration",
        "org.campaignledger.platform.web.ProblemDetailsConfiguration",
        "org.campaignledger.platform.web.OpenApiConfiguration",
        "org.campaignledger.platform.metrics.PrometheusNaming",
        // no web server here, so no web security either (the peer is driven in-process)
        "org.campaignledger.platform.security.SecurityConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration"})
@ComponentScan(basePackageClasses = PeerDefaultApplication.class,
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@ComponentScan(basePackages = "org.campaignledger.command", useDefaultFilters = false,
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
                "org\\.campaignledger\\.command\\.campaign\\.Campaign",
                "org\\.campaignledger\\.command\\.campaign\\.EventStoreCampaigns",
                "org\\.campaignledger\\.command\\.unit\\.AdministrativeUnit",
                "org\\.campaignledger\\.command\\.training\\.Participant",
                "org\\.campaignledger\\.command\\.support\\.SupportPoint"}))
// as the reference guide says for @EntityScan: name Axon's entity packages beside one's own
@EntityScan(basePackageClasses = PeerDefaultApplication.class, basePackages = {
        "org.axonframework.eventsourcing.eventstore.jpa", "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.modelling.saga.repository.jpa", "org.axonframework.eventhandling.deadletter.jpa"})
public class PeerDefaultApplication {

    /** The aggregates name a cache; the default is none. */
    @Bean("aggregateCache")
    Cache aggregateCache() {
        return NoCache.INSTANCE;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Typed ids as bare strings, so the peer reads the ledger's own events (copied for the rebuild). */
    @Bean
    Module identifierModule() {
        return new IdentifierModule();
    }

    /** The aggregates learn a launch from the campaign-rules handler, in the publishing thread, as in the ledger. */
    @Bean
    ConfigurerModule campaignRulesSubscribe() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerSubscribingEventProcessor("campaign-rules"));
    }
}
