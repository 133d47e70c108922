package org.campaignledger.platform.chain;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/** The verifier, for every application of the ledger (the query side serves it, the launcher runs it). */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration")
public class ChainConfiguration {

    @Bean
    LedgerVerifier ledgerVerifier(DataSource dataSource, PlatformTransactionManager transactions) {
        return new LedgerVerifier(dataSource, transactions);
    }
}
