package org.campaignledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.campaignledger.command.CommandSideApplication;
import org.campaignledger.query.QuerySideApplication;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.ResourceAccessException;
import org.yaml.snakeyaml.Yaml;

/**
 * The scrape configuration and the Grafana dashboard, checked with the real Prometheus: promtool accepts the
 * configuration and both applications' expositions; Prometheus, started with that configuration against both
 * applications, answers every expression a dashboard panel queries with data.
 */
class PrometheusIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void promtoolAcceptsTheScrapeConfiguration() throws Exception {
        Tools.Result check = Tools.run("", "promtool", "check", "config",
                Tools.repository().resolve("deploy/prometheus/prometheus.yml").toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void everyDashboardQueryReturnsDataFromPrometheusScrapingBothSides() throws Exception {
        String schema = "prom_" + UUID.randomUUID().toString().substring(0, 8);
        String campaign = "prom-" + UUID.randomUUID().toString().substring(0, 8);
        Path storage = Files.createTempDirectory("prometheus");
        Process prometheus = null;
        InJvmApp commands = InJvmApp.start(CommandSideApplication.class, "campaign-ledger-command-side", schema);
        InJvmApp queries = InJvmApp.start(QuerySideApplication.class, "campaign-ledger-query-side", schema,
                "--campaign-ledger.metrics.refresh=1s");
        try {
            RestClient commandApi = RestClient.builder().baseUrl(commands.baseUrl()).defaultHeaders(h -> h.setBasicAuth("department", "department")).build();
            commandApi.post().uri("/api/campaigns").contentType(MediaType.APPLICATION_JSON).body("""
                    {"campaignId":"%s","name":"Đo lường","directive":"Chỉ thị 11/CT-UBND",
                     "startDate":"2025-07-24","durationDays":45,"timeZone":"Asia/Ho_Chi_Minh",
                     "targets":[],"courses":["IHANOI"],"requiredCourses":{"TEAM_MEMBER":["IHANOI"]},
                     "units":[{"code":"00004","name":"Phường Ba Đình","kind":"WARD"},
                              {"code":"00008","name":"Phường Ngọc Hà","kind":"WARD"}]}""".formatted(campaign))
                    .retrieve().toBodilessEntity();
            commandApi.post().uri("/api/campaigns/" + campaign + "/units/00004/it-officers")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"officerId\":\"o1\",\"employment\":\"STAFF\",\"occurredOn\":\"2025-07-25\"}")
                    .retrieve().toBodilessEntity();
            RestClient queryApi = RestClient.builder().baseUrl(queries.baseUrl()).defaultHeaders(h -> h.setBasicAuth("department", "department")).build();
            await().atMost(Duration.ofSeconds(30)).until(() -> queryApi.get().uri("/actuator/prometheus")
                    .retrieve().body(String.class)
                    .contains("campaign_units_with_it_officer{application=\"campaign-ledger-query-side\",campaign=\""
                            + campaign + "\"} 1.0"));

            for (InJvmApp app : List.of(commands, queries)) {
                String exposition = RestClient.builder().baseUrl(app.baseUrl()).defaultHeaders(h -> h.setBasicAuth("department", "department")).build().get().uri("/actuator/prometheus")
                        .retrieve().body(String.class);
                Tools.Result lint = Tools.run(exposition, "promtool", "check", "metrics");
                assertThat(lint.exitCode()).as("promtool check metrics on %s:%n%s", app.baseUrl(), lint.output())
                        .isZero();
            }

            int port = freePort();
            Path config = storage.resolve("prometheus.yml");
            Files.writeString(config, localConfig(commands.port(), queries.port()));
            prometheus = new ProcessBuilder(Tools.executable("prometheus"), "--config.file=" + config,
                    "--storage.tsdb.path=" + storage.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(storage.resolve("prometheus.log").toFile()).start();
            String prometheusApi = "http://127.0.0.1:" + port;

            List<String> expressions = dashboardExpressions();
            assertThat(expressions).hasSizeGreaterThanOrEqualTo(15);
            List<String> empty = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptionsInstanceOf(ResourceAccessException.class).untilAsserted(() -> {
                        empty.clear();
                        for (String expression : expressions) {
                            if (result(prometheusApi, expression).isEmpty()) {
                                empty.add(expression);
                            }
                        }
                        assertThat(empty).as("dashboard queries without data").isEmpty();
                    });
            JsonNode officers = result(prometheusApi,
                    "campaign_units_with_it_officer{campaign=\"" + campaign + "\"}");
            assertThat(officers.get(0).path("value").get(1).asText()).isEqualTo("1");
        } finally {
            if (prometheus != null) {
                prometheus.destroyForcibly().waitFor();
            }
            queries.close();
            commands.close();
            InJvmApp.dropSchema(commands.environment(), schema);
            FileSystemUtils.deleteRecursively(storage);
        }
    }

    /** The repository's configuration, scraping every second, its targets replaced by the test's two applications. */
    @SuppressWarnings("unchecked")
    private static String localConfig(int commandPort, int queryPort) throws Exception {
        Yaml yaml = new Yaml();
        Map<String, Object> config = yaml.load(Files.readString(Tools.repository()
                .resolve("deploy/prometheus/prometheus.yml")));
        ((Map<String, Object>) config.get("global")).put("scrape_interval", "1s");
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            String name = (String) job.get("job_name");
            int port = name.endsWith("command-side") ? commandPort : queryPort;
            job.put("static_configs", List.of(Map.of("targets", List.of("127.0.0.1:" + port))));
        }
        return yaml.dump(config);
    }

    /** Every expression of every panel, with the campaign variable set to "All". */
    static List<String> dashboardExpressions() throws Exception {
        JsonNode dashboard = JSON.readTree(Tools.repository().resolve("deploy/grafana/campaign-ledger.json").toFile());
        Set<String> expressions = new LinkedHashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText().replace("$campaign", ".*"));
            }
        }
        return new ArrayList<>(expressions);
    }

    private static JsonNode result(String prometheus, String expression) throws Exception {
        URI uri = URI.create(prometheus + "/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
        JsonNode answer = JSON.readTree(RestClient.builder().defaultHeaders(h -> h.setBasicAuth("department", "department")).build().get().uri(uri).retrieve().body(String.class));
        assertThat(answer.path("status").asText()).as("%s: %s", expression, answer).isEqualTo("success");
        return answer.path("data").path("result");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
