package org.campaignledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code campaign-ledger.security.public-overview=true}: anonymous visitors see a campaign's overview page,
 * and nothing else — no other page, no API, no audit trail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "campaign-ledger.security.public-overview=true")
class PublicOverviewIT extends QuerySideIT {

    private final Facts f = new Facts();

    @Autowired
    TestRestTemplate anonymous;

    @BeforeAll
    void launch() {
        newLog().append(f.launch("A"));
        awaitProjections();
    }

    @Test
    void anonymousVisitorsSeeTheOverviewOnly() {
        ResponseEntity<String> overview = page("/dashboard/campaigns/" + f.id());
        assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(overview.getBody()).contains("id=\"cards\"").doesNotContain("id=\"login-form\"");

        for (String elsewhere : List.of("/dashboard/campaigns/" + f.id() + "/units",
                "/dashboard/campaigns/" + f.id() + "/units/A", "/dashboard/audit")) {
            assertThat(page(elsewhere).getBody()).as(elsewhere).contains("id=\"login-form\"");
        }
        for (String api : List.of("/api/campaigns", "/api/campaigns/" + f.id() + "/summary", "/api/audit/events")) {
            assertThat(anonymous.getForEntity(api, String.class).getStatusCode()).as(api)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    /** A browser's request; redirects (to the login page) are followed. */
    private ResponseEntity<String> page(String path) {
        HttpHeaders html = new HttpHeaders();
        html.setAccept(List.of(MediaType.TEXT_HTML));
        return anonymous.exchange(path, HttpMethod.GET, new HttpEntity<>(html), String.class);
    }
}
