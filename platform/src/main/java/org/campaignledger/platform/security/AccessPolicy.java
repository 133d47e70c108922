package org.campaignledger.platform.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call what, in one place for both sides. Roles decide here; whether a unit officer may act
 * for a particular unit is decided where the unit is known (the aggregate, or the controller that reads
 * a unit's people).
 *
 * <table>
 * <tr><th>path</th><th>DEPARTMENT</th><th>UNIT_OFFICER</th><th>AUDITOR</th><th>VIEWER</th><th>anonymous</th></tr>
 * <tr><td>health</td><td>yes</td><td>yes</td><td>yes</td><td>yes</td><td>yes</td></tr>
 * <tr><td>launch / close a campaign, forget a person, admin</td><td>yes</td><td>-</td><td>-</td><td>-</td><td>-</td></tr>
 * <tr><td>record a fact, name a person</td><td>yes</td><td>own units</td><td>-</td><td>-</td><td>-</td></tr>
 * <tr><td>audit trail, a person's data</td><td>yes</td><td>-</td><td>yes</td><td>-</td><td>-</td></tr>
 * <tr><td>evaluation (per person)</td><td>yes</td><td>own units</td><td>yes</td><td>-</td><td>-</td></tr>
 * <tr><td>figures, dashboards, API docs, metrics</td><td>yes</td><td>yes</td><td>yes</td><td>yes</td><td>overview if public</td></tr>
 * </table>
 */
final class AccessPolicy {

    static final String[] API_PATHS = {"/api/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator", "/actuator/**"};

    private static final String DEPARTMENT = Role.DEPARTMENT.name();
    private static final String UNIT_OFFICER = Role.UNIT_OFFICER.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String VIEWER = Role.VIEWER.name();
    private static final String[] ANY_ROLE = {DEPARTMENT, UNIT_OFFICER, AUDITOR, VIEWER};

    private AccessPolicy() {
    }

    static void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/api/admin/**").hasRole(DEPARTMENT)
                .requestMatchers("/api/audit/**").hasAnyRole(DEPARTMENT, AUDITOR)
                .requestMatchers(POST, "/api/people/*/*/forget").hasRole(DEPARTMENT)
                .requestMatchers(GET, "/api/people/**").hasAnyRole(DEPARTMENT, AUDITOR)
                .requestMatchers(POST, "/api/campaigns", "/api/campaigns/*/close").hasRole(DEPARTMENT)
                .requestMatchers(GET, "/api/campaigns/*/evaluation").hasAnyRole(DEPARTMENT, UNIT_OFFICER, AUDITOR)
                .requestMatchers(GET, "/api/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator/**").hasAnyRole(ANY_ROLE)
                .requestMatchers("/api/**").hasAnyRole(DEPARTMENT, UNIT_OFFICER)
                .anyRequest().denyAll();
    }

    static void dashboard(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
                          boolean publicOverview, String loginPage) {
        // the login page with any query (?error, ?logout), its assets, and the error page
        requests.requestMatchers(loginPage, "/error", "/favicon.ico", "/webjars/**", "/dashboard/*.js",
                "/dashboard/*.css", "/dashboard/images/**").permitAll();
        if (publicOverview) {
            requests.requestMatchers(GET, "/", "/dashboard", "/dashboard/", "/dashboard/campaigns",
                    "/dashboard/campaigns/*", "/dashboard/live/*").permitAll();
        }
        requests.requestMatchers("/dashboard/audit", "/dashboard/audit/**").hasAnyRole(DEPARTMENT, AUDITOR)
                .anyRequest().hasAnyRole(ANY_ROLE);
    }
}
