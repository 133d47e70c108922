package org.campaignledger.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the all-in-one application the way its main class does, on a schema of its own (so Hanoi's
 * campaign starts empty, whatever earlier runs left in the database), and drops the schema on close.
 */
final class FreshLedger implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final String schema;

    private FreshLedger(ConfigurableApplicationContext context, String schema) {
        this.context = context;
        this.schema = schema;
    }

    static FreshLedger start(String prefix, String... args) {
        String schema = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server.port=0");
        all.add("--campaign-ledger.database.schema=" + schema);
        return new FreshLedger(SpringApplication.run(CampaignLedgerApplication.class, all.toArray(String[]::new)),
                schema);
    }

    String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        var environment = context.getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        String user = environment.getProperty("spring.datasource.username");
        String password = environment.getProperty("spring.datasource.password", "");
        context.close();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test schema " + schema, e);
        }
    }
}
