package org.campaignledger.platform.database;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code campaign-ledger.database.schema=NAME} keeps everything (event store, tokens, projections) in
 * one PostgreSQL schema of the configured database, created by Flyway if missing. Lets several
 * ledgers share a server (one per province, one per test) without sharing tables.
 */
public class DatabaseSchemaEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SCHEMA = "campaign-ledger.database.schema";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String schema = environment.getProperty(SCHEMA);
        String url = environment.getProperty("spring.datasource.url");
        if (schema == null || schema.isBlank() || url == null) {
            return;
        }
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(SCHEMA + " must be a lower-case SQL identifier: " + schema);
        }
        String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        environment.getPropertySources().addFirst(new MapPropertySource("campaignLedgerSchema", Map.of(
                "spring.datasource.url", withSchema,
                "spring.flyway.schemas", schema,
                "spring.flyway.default-schema", schema)));
    }

    @Override
    public int getOrder() {
        // after the embedded database has set the URL
        return Ordered.LOWEST_PRECEDENCE;
    }
}
