package org.campaignledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.campaignledger.platform.PlatformDefaults;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Two ways in, one policy ({@link AccessPolicy}). The API ({@code /api}, {@code /v3/api-docs},
 * {@code /actuator}) is stateless: HTTP Basic with a configured user, or a Bearer JWT when an issuer is
 * configured ({@code spring.security.oauth2.resourceserver.jwt.*}); no session, no CSRF. The dashboard
 * signs in on a login page and keeps a session (with CSRF protection); Basic works there too.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The one way configured users sign in (API and dashboard). Deliberately not a user-details bean: Spring
     * would wire that with password upgrades, re-hashing a cost-4 hash at cost 10 on the first sign-in.
     */
    @Bean
    AuthenticationProvider configuredUsers(SecurityProperties properties, Environment environment,
                                           PasswordEncoder passwordEncoder) {
        if (environment.getProperty(PlatformDefaults.DEMO_USERS, Boolean.class, false)) {
            LoggerFactory.getLogger(SecurityConfiguration.class).warn("The demo's users are active (department, "
                    + "officer, auditor, viewer, prometheus; password = name). Anywhere but a demo set "
                    + PlatformDefaults.DEMO_USERS + "=false and configure users or a JWT issuer.");
        }
        return new VerifiedCredentials(ConfiguredUsers.from(properties), passwordEncoder,
                properties.getVerifiedCredentialsTtl(), 10_000);
    }

    /**
     * Spring Security's own observations wrap every filter of every request in an observation: about 15 % of an
     * API request's CPU in B1's profile (docs/PERFORMANCE.md). Each request is still timed as
     * {@code http.server.requests}, and sign-in failures still answer 401 problems and show in the logs.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, ObjectMapper json,
                                    ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        ProblemAnswers problems = new ProblemAnswers(json);
        http.securityMatcher(AccessPolicy.API_PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .authorizeHttpRequests(AccessPolicy::api)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()));
        JwtDecoder issuers = jwtDecoder.getIfAvailable();
        if (issuers != null) {
            JwtDecoder remembered = new RememberedJwts(issuers, properties.getVerifiedCredentialsTtl(), 10_000,
                    Clock.systemUTC());
            http.oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.decoder(remembered).jwtAuthenticationConverter(new JwtLedgerUsers(properties.getJwt())))
                    .authenticationEntryPoint(problems.unauthenticated())
                    .accessDeniedHandler(problems.forbidden()));
        }
        return http.build();
    }

    private static SimpleUrlLogoutSuccessHandler signedOut(String loginPage) {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl(loginPage + "?logout");
        return handler;
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboardSecurity(HttpSecurity http, SecurityProperties properties, ObjectMapper json)
            throws Exception {
        ProblemAnswers problems = new ProblemAnswers(json);
        String loginPage = properties.getLoginPage();
        MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        http.authorizeHttpRequests(requests -> AccessPolicy.dashboard(requests, properties.isPublicOverview(),
                        loginPage == null ? "/login" : loginPage))
                .formLogin(form -> {
                    if (loginPage != null) {
                        form.loginPage(loginPage);
                    }
                    form.defaultSuccessUrl("/dashboard", false).permitAll();
                })
                // always back to the login page (with Basic configured, Spring would answer some clients 204)
                .logout(logout -> logout.logoutSuccessHandler(signedOut(loginPage == null ? "/login" : loginPage)))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(loginPage == null ? "/login" : loginPage), browser)
                        .defaultAuthenticationEntryPointFor(problems.unauthenticated(), new NegatedRequestMatcher(browser))
                        .accessDeniedHandler(problems.forbidden()));
        return http.build();
    }
}
