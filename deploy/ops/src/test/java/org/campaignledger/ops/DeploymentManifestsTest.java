package org.campaignledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file and Kubernetes manifests cannot run here (no container engine), so they are checked against
 * the applications they deploy: they parse, ports are the applications' own, probes hit the health groups the
 * applications expose, every environment variable names a setting that exists, and no password is written down.
 */
@SuppressWarnings("unchecked")
class DeploymentManifestsTest {

    private static final Path ROOT = Tools.repository();
    private static final Map<String, Integer> PORTS = Map.of(
            "command-side", defaultPort("command-side"), "query-side", defaultPort("query-side"));

    @Test
    void composeRunsBothSidesOnTheirOwnPortsWithReadinessChecksAndNoPasswordsWrittenDown() throws IOException {
        Map<String, Object> services = (Map<String, Object>) load("deploy/compose.yaml").get(0).get("services");
        assertThat(services).containsKeys("postgres", "command-side", "query-side", "prometheus", "grafana");
        for (String side : PORTS.keySet()) {
            Map<String, Object> service = (Map<String, Object>) services.get(side);
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            int port = PORTS.get(side);
            assertThat(env).containsEntry("PORT", String.valueOf(port))
                    .containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
            assertThat((String) env.get("SPRING_DATASOURCE_PASSWORD")).startsWith("${");
            env.keySet().forEach(DeploymentManifestsTest::assertNamesASetting);
            assertThat(String.valueOf(((Map<String, Object>) service.get("healthcheck")).get("test")))
                    .contains("http://localhost:" + port + "/actuator/health/readiness");
            assertThat((String) service.get("image")).startsWith("campaign-ledger/" + side + ":");
        }
        assertThat(((Map<String, Object>) ((Map<String, Object>) services.get("query-side")).get("deploy")))
                .containsEntry("replicas", 2);
        assertThat(String.valueOf(((Map<String, Object>) services.get("prometheus")).get("volumes")))
                .contains("./prometheus/prometheus.yml");
        assertThat(ROOT.resolve("deploy/prometheus/prometheus.yml")).exists();
        assertThat(ROOT.resolve("deploy/grafana/campaign-ledger.json")).exists();
    }

    @Test
    void kubernetesProbesHitTheHealthGroupsOnTheApplicationsPortsAndSecretsComeFromSecrets() throws IOException {
        List<Map<String, Object>> documents = load("deploy/k8s/campaign-ledger.yaml");
        assertThat(documents).extracting(d -> d.get("kind") + "/" + ((Map<String, Object>) d.get("metadata")).get("name"))
                .contains("Deployment/command-side", "Deployment/query-side", "StatefulSet/postgres",
                        "Deployment/prometheus", "Deployment/grafana", "Service/command-side", "Service/query-side");
        for (Map<String, Object> document : documents) {
            String name = (String) ((Map<String, Object>) document.get("metadata")).get("name");
            if (!"Deployment".equals(document.get("kind")) || !PORTS.containsKey(name)) {
                continue;
            }
            int port = PORTS.get(name);
            Map<String, Object> spec = (Map<String, Object>) document.get("spec");
            if (name.equals("query-side")) {
                assertThat((Integer) spec.get("replicas")).as("query nodes share segments").isGreaterThanOrEqualTo(2);
            }
            Map<String, Object> container = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                    spec.get("template")).get("spec")).get("containers")).get(0);
            assertThat((String) container.get("image")).startsWith("campaign-ledger/" + name + ":");
            assertThat(String.valueOf(container.get("ports"))).contains("containerPort=" + port);
            assertThat(probe(container, "livenessProbe")).isEqualTo("/actuator/health/liveness:" + port);
            assertThat(probe(container, "readinessProbe")).isEqualTo("/actuator/health/readiness:" + port);
            for (Map<String, Object> env : (List<Map<String, Object>>) container.get("env")) {
                assertNamesASetting((String) env.get("name"));
                if (((String) env.get("name")).contains("PASSWORD")) {
                    assertThat(env).doesNotContainKey("value").containsKey("valueFrom");
                }
            }
        }
        Map<String, Object> config = documents.stream().filter(d -> "ConfigMap".equals(d.get("kind"))).findFirst()
                .orElseThrow();
        ((Map<String, Object>) config.get("data")).keySet().forEach(DeploymentManifestsTest::assertNamesASetting);
    }

    @Test
    void prometheusScrapesTheActuatorEndpointOnTheApplicationsPorts() throws IOException {
        Map<String, Object> prometheus = load("deploy/prometheus/prometheus.yml").get(0);
        List<String> targets = new ArrayList<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
            for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
                targets.addAll((List<String>) group.get("targets"));
            }
        }
        assertThat(targets).containsExactlyInAnyOrder("command-side:" + PORTS.get("command-side"),
                "query-side:" + PORTS.get("query-side"));
        assertThat(platformDefaults().getProperty("management.endpoints.web.exposure.include"))
                .contains("prometheus", "health");
        assertThat(platformDefaults().getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
    }

    private static String probe(Map<String, Object> container, String kind) {
        Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) container.get(kind)).get("httpGet");
        return get.get("path") + ":" + get.get("port");
    }

    /** PORT, or an environment variable that Spring's relaxed binding turns into a property some module sets. */
    private static void assertNamesASetting(String variable) {
        if (variable.equals("PORT") || variable.startsWith("SPRING_DATASOURCE_")) {
            return;
        }
        String property = variable.toLowerCase().replace('_', '.');
        String settings;
        try {
            settings = (Files.readString(ROOT.resolve("query-side/src/main/resources/campaign-ledger-defaults/"
                    + "query-side.properties")) + Files.readString(ROOT.resolve(
                    "platform/src/main/resources/platform-defaults.properties"))).replace('-', '.');
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(settings).as("%s names no setting of the applications", variable).contains(property + "=");
    }

    private static int defaultPort(String module) {
        try {
            String properties = Files.readString(ROOT.resolve(module + "/src/main/resources/application.properties"));
            Matcher port = Pattern.compile("server\\.port=\\$\\{PORT:(\\d+)}").matcher(properties);
            assertThat(port.find()).as("%s's server.port=${PORT:...}", module).isTrue();
            return Integer.parseInt(port.group(1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties platformDefaults() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("platform/src/main/resources/platform-defaults.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<Map<String, Object>> load(String path) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(ROOT.resolve(path)))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }
}
