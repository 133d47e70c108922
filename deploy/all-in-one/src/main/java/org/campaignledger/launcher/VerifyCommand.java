package org.campaignledger.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.Arrays;
import org.campaignledger.api.ledger.LedgerVerificationView;
import org.campaignledger.platform.chain.ChainConfiguration;
import org.campaignledger.platform.chain.LedgerVerifier;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar campaign-ledger.jar --verify}: recomputes the chain and the seals of the configured database
 * (the same settings as a normal start: {@code SPRING_DATASOURCE_URL}, {@code --campaign-ledger.database.schema},
 * or the embedded database), prints what it found as JSON and exits 0 when the log is intact, 1 when it is broken,
 * 2 when it could not verify (no database, no chain). It starts neither Axon nor a web server and migrates nothing:
 * verifying only reads.
 */
final class VerifyCommand {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int FAILED = 2;

    private VerifyCommand() {
    }

    static boolean requested(String[] args) {
        return Arrays.asList(args).contains("--verify");
    }

    static int run(String[] args, PrintStream out) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Verification.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(args)) {
            long started = System.nanoTime();
            LedgerVerificationView verified = context.getBean(LedgerVerifier.class).verify();
            System.err.printf("%s: read %,d events of %,d aggregates in %,d ms%n",
                    verified.intact() ? "Intact" : "Broken", verified.events(), verified.aggregates(),
                    (System.nanoTime() - started) / 1_000_000);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(verified));
            return verified.intact() ? INTACT : BROKEN;
        } catch (Exception e) {
            out.println("Could not verify the ledger: " + e.getMessage());
            return FAILED;
        }
    }

    /** Only what reading the log needs: a data source, a transaction manager and the verifier. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            ChainConfiguration.class})
    static class Verification {
    }
}
