package org.campaignledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;
import org.campaignledger.command.CommandSideApplication;
import org.campaignledger.query.QuerySideApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/** The second way to run it: command side and query side as two applications over one PostgreSQL. */
class SeparateSidesIT {

    @Test
    void aFactAcceptedByTheCommandApplicationIsReadFromTheQueryApplication() throws Exception {
        String schema = "sides_" + UUID.randomUUID().toString().substring(0, 8);
        String campaign = "sides-" + UUID.randomUUID().toString().substring(0, 8);
        ConfigurableApplicationContext commands = start(CommandSideApplication.class, schema);
        ConfigurableApplicationContext queries = start(QuerySideApplication.class, schema);
        try {
            RestClient commandApi = RestClient.builder().baseUrl(baseUrl(commands)).defaultHeaders(h -> h.setBasicAuth("department", "department")).build();
            RestClient queryApi = RestClient.builder().baseUrl(baseUrl(queries)).defaultHeaders(h -> h.setBasicAuth("department", "department")).build();
            commandApi.post().uri("/api/campaigns").contentType(MediaType.APPLICATION_JSON).body("""
                    {"campaignId":"%s","name":"Hai ứng dụng","directive":"Chỉ thị 11/CT-UBND",
                     "startDate":"2025-07-24","durationDays":45,"timeZone":"Asia/Ho_Chi_Minh",
                     "targets":[],"courses":["IHANOI"],"requiredCourses":{"TEAM_MEMBER":["IHANOI"]},
                     "units":[{"code":"00004","name":"Phường Ba Đình","kind":"WARD"}]}""".formatted(campaign))
                    .retrieve().toBodilessEntity();
            commandApi.post().uri("/api/campaigns/" + campaign + "/units/00004/it-officers")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"officerId\":\"o1\",\"employment\":\"STAFF\",\"occurredOn\":\"2025-07-25\"}")
                    .retrieve().toBodilessEntity();

            // 404 until the query side has seen the launch
            await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(HttpClientErrorException.class)
                    .untilAsserted(() -> {
                JsonNode timeline = queryApi.get().uri("/api/campaigns/" + campaign + "/timeline")
                        .retrieve().body(JsonNode.class);
                assertThat(timeline.path("days").get(1).path("metrics").path("unitsWithItOfficer").asInt())
                        .isEqualTo(1);
            });
        } finally {
            String url = commands.getEnvironment().getProperty("spring.datasource.url");
            String user = commands.getEnvironment().getProperty("spring.datasource.username");
            String password = commands.getEnvironment().getProperty("spring.datasource.password", "");
            queries.close();
            commands.close();
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                connection.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, String schema) {
        // arguments, not default properties: an application.properties on the class path would win over those
        return new SpringApplicationBuilder(application)
                .run("--server.port=0", "--campaign-ledger.database.schema=" + schema);
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
