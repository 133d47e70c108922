package org.campaignledger.bench;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

/**
 * Both sides in one JVM, as the all-in-one launcher runs them, without its demo and dashboard
 * runners: the harness decides what is sent and when. JPA is on the class path for the peer-default
 * reference only ({@link org.campaignledger.bench.peer.PeerDefault}); the ledger does not use it.
 */
@SpringBootApplication(exclude = {HibernateJpaAutoConfiguration.class, JpaRepositoriesAutoConfiguration.class})
@ComponentScan(basePackages = {"org.campaignledger.command", "org.campaignledger.query"},
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "org\\.campaignledger\\.(command|query)\\.\\w+SideApplication"))
class BenchApplication {
}
