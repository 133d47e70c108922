package org.campaignledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.campaignledger.command.api.CommandApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Idempotency keys and If-Match over HTTP when requests share commits: lanes wait 50 ms for company,
 * so concurrent requests land in the same group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"campaign-ledger.command.group-commit.lanes=2",
        "campaign-ledger.command.group-commit.linger=50ms"})
class GroupCommitApiIT {

    private static final LocalDate DAY_3 = LocalDate.of(2025, 7, 26);
    private static final List<String> UNITS = List.of("00004", "00008", "09022");

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        // the demo's department user (see campaign-ledger-demo-users.properties): may do everything
        http = anonymous.withBasicAuth("department", "department");
    }
    @Autowired
    JdbcTemplate jdbc;

    private CommandApi api;
    private String base;

    @BeforeEach
    void launchCampaign() {
        api = new CommandApi(http, jdbc);
        String campaign = "gca-" + UUID.randomUUID().toString().substring(0, 8);
        base = "/api/campaigns/" + campaign;
        assertThat(api.post("/api/campaigns", Bodies.campaign(campaign, LocalDate.of(2025, 7, 24))).status())
                .isEqualTo(201);
    }

    @Test
    void keyedRequestsAndStaleIfMatchesInOneCommitEachGetTheirOwnAnswerAndRetriesRecordNothing() throws Exception {
        long before = api.eventCount();
        Map<Integer, String> keys = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            keys.put(i, UUID.randomUUID().toString());
        }
        // 12 keyed requests across three units, and 4 that expect a version the unit never had
        List<Answer> first = inParallel(16, i -> i < 12
                ? api.post(teams(i), team(i), Map.of("Idempotency-Key", keys.get(i)))
                : api.post(teams(i), team(i), Map.of("If-Match", "\"99\"")));

        for (int i = 0; i < 12; i++) {
            assertThat(first.get(i).status()).as(first.get(i).body().toString()).isEqualTo(201);
        }
        for (int i = 12; i < 16; i++) {
            assertThat(first.get(i).status()).isEqualTo(412);
            assertThat(first.get(i).problemType()).isEqualTo("/problems/version-mismatch");
        }
        assertThat(api.eventCount() - before).isEqualTo(12);
        for (String unit : UNITS) {
            assertThat(jdbc.queryForList("select sequence_number from domain_event_entry where aggregate_identifier "
                    + "= ? order by 1", Long.class, base.substring("/api/campaigns/".length()) + "/" + unit))
                    .containsExactly(0L, 1L, 2L, 3L);
        }

        List<Answer> retries = inParallel(12, i -> api.post(teams(i), team(i), Map.of("Idempotency-Key", keys.get(i))));
        for (int i = 0; i < 12; i++) {
            assertThat(retries.get(i).status()).isEqualTo(201);
            assertThat(retries.get(i).headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retries.get(i).body().path("version").asLong())
                    .isEqualTo(first.get(i).body().path("version").asLong());
        }
        assertThat(api.eventCount() - before).isEqualTo(12);
    }

    private String teams(int i) {
        return base + "/units/" + UNITS.get(i % UNITS.size()) + "/community-teams";
    }

    private static String team(int i) {
        return "{\"teamId\":\"t-" + i + "\",\"residentialGroup\":\"Tổ dân phố " + i + "\",\"memberCount\":12,"
                + "\"occurredOn\":\"" + DAY_3 + "\"}";
    }

    private interface Call {
        Answer call(int index);
    }

    private static List<Answer> inParallel(int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Answer>> tasks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                tasks.add(() -> call.call(index));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : pool.invokeAll(tasks)) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
