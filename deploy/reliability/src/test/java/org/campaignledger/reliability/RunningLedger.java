package org.campaignledger.reliability;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Command side and query side in this JVM on a real HTTP port of 127.0.0.1, on the database the test names. */
final class RunningLedger implements AutoCloseable {

    final ConfigurableApplicationContext context;

    private RunningLedger(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningLedger start(String jdbcUrl, List<Class<?>> testConfigurations, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--spring.application.name=campaign-ledger-reliability",
                // the dashboard's gauges would poll the database every 5 s and log each failure during an outage
                "--campaign-ledger.metrics.refresh=1h"));
        args.addAll(List.of(more));
        List<Class<?>> sources = new ArrayList<>(List.of(ReliabilityApplication.class));
        sources.addAll(testConfigurations);
        return new RunningLedger(new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run(args.toArray(String[]::new)));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
