package org.campaignledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the query side on its own: projections fed from the shared PostgreSQL event log and the read API.
 * {@code --rebuild=<processing group>} rebuilds one projection from the log and exits.
 */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
