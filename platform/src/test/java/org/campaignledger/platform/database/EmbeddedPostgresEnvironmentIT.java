package org.campaignledger.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

/** With no database configured, the platform starts a real PostgreSQL 15 keeping its data in a directory. */
class EmbeddedPostgresEnvironmentIT {

    @TempDir
    Path home;

    @Test
    void startsARealPostgresWithAPersistentDataDirectoryWhenNoUrlIsConfigured() throws Exception {
        Path dataDir = home.resolve("pgdata");
        MockEnvironment environment = new MockEnvironment()
                .withProperty(EmbeddedPostgresEnvironment.DATA_DIR, dataDir.toString());

        new EmbeddedPostgresEnvironment(new DeferredLogs()).postProcessEnvironment(environment,
                new SpringApplication());

        String url = environment.getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:postgresql://localhost:");
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = connection.createStatement().executeQuery(
                     "select current_setting('server_version_num')::int, current_setting('synchronous_commit')")) {
            rs.next();
            assertThat(rs.getInt(1)).isBetween(150000, 159999);
            assertThat(rs.getString(2)).isEqualTo("on");
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();
    }

    @Test
    void leavesAConfiguredDatabaseAlone() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/ledger");
        new EmbeddedPostgresEnvironment(new DeferredLogs()).postProcessEnvironment(environment,
                new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/ledger");
    }
}
