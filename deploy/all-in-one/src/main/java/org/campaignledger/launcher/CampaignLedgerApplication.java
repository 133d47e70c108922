package org.campaignledger.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.context.annotation.FilterType;

/**
 * Command side, query side and dashboard in one JVM. The two sides' own application classes are
 * left out of the scan: this class is the one application here. Beans are named by their full
 * class name, since each side may have a class of the same simple name (a campaign controller).
 * {@code --verify} verifies the tamper-evident log instead and exits ({@link VerifyCommand}).
 */
@SpringBootApplication
@ComponentScan(basePackages = {"org.campaignledger.command", "org.campaignledger.query",
        "org.campaignledger.launcher"},
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "org\\.campaignledger\\.(command|query)\\.\\w+SideApplication"))
public class CampaignLedgerApplication {

    public static void main(String[] args) {
        if (VerifyCommand.requested(args)) {
            System.exit(VerifyCommand.run(args, System.out));
        }
        SpringApplication.run(CampaignLedgerApplication.class, args);
    }
}
