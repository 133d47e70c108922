package org.campaignledger.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When no {@code spring.datasource.url} is configured (e.g. by {@code SPRING_DATASOURCE_URL}), starts
 * a real PostgreSQL 15 from the binaries in Maven jars and points the application at it. Its data
 * directory persists ({@code ~/.campaign-ledger/pgdata} unless
 * {@code campaign-ledger.embedded-database.data-dir} says otherwise), so a second start finds the
 * first one's campaign. One server per JVM, stopped when the JVM exits.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DATA_DIR = "campaign-ledger.embedded-database.data-dir";
    static final String ENABLED = "campaign-ledger.embedded-database.enabled";

    private static EmbeddedPostgres server;

    private final Log log;

    public EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")
                || !environment.getProperty(ENABLED, Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty(DATA_DIR,
                System.getProperty("user.home") + "/.campaign-ledger/pgdata"));
        int port = start(dataDir).getPort();
        log.info("No spring.datasource.url configured: using embedded PostgreSQL on port " + port
                + " with data in " + dataDir);
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "")));
    }

    private static synchronized EmbeddedPostgres start(Path dataDir) {
        if (server == null) {
            try {
                Files.createDirectories(dataDir);
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        // the library turns it off for speed; an acknowledged fact must be on disk
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("max_connections", "100")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresEnvironment::stop, "embedded-pg-stop"));
        }
        return server;
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is exiting; PostgreSQL recovers from an unclean stop on its next start
            }
            server = null;
        }
    }

    @Override
    public int getOrder() {
        // after the config files are read, so a datasource URL there wins; before the schema is applied
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
