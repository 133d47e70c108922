package org.campaignledger.platform.web;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * What one request and one client may cost (docs/RELIABILITY.md): the size of a body, and how many API
 * requests a client may send per second. Set in platform-defaults.properties; every node applies its own.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${campaign-ledger.web.max-body-size:4MB}") DataSize maxBodySize,
            @Value("${campaign-ledger.web.max-import-size:100MB}") DataSize maxImportSize) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(maxBodySize, maxImportSize));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    @ConditionalOnProperty(name = "campaign-ledger.web.rate-limit.enabled", havingValue = "true",
            matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            @Value("${campaign-ledger.web.rate-limit.requests-per-second:1000}") double requestsPerSecond,
            @Value("${campaign-ledger.web.rate-limit.burst:2000}") int burst,
            @Value("${campaign-ledger.web.rate-limit.paths:/api/}") String paths) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(
                new TokenBuckets(requestsPerSecond, burst, Clock.systemUTC()), paths.split(",")));
        // after Spring Security's filters (when present), so that the principal is known
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
