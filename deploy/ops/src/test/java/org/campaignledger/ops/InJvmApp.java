package org.campaignledger.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** One side started in this JVM on a schema of the test's, on 127.0.0.1 and a free port. */
final class InJvmApp implements AutoCloseable {

    final ConfigurableApplicationContext context;

    private InJvmApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static InJvmApp start(Class<?> application, String name, String schema, String... more) {
        String[] args = new String[more.length + 4];
        args[0] = "--server.port=0";
        args[1] = "--server.address=127.0.0.1";
        args[2] = "--campaign-ledger.database.schema=" + schema;
        // both sides' application.properties are on this class path: name each explicitly
        args[3] = "--spring.application.name=" + name;
        System.arraycopy(more, 0, args, 4, more.length);
        return new InJvmApp(new SpringApplicationBuilder(application).run(args));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    Environment environment() {
        return context.getEnvironment();
    }

    static void dropSchema(Environment environment, String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""))) {
            connection.createStatement().execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
