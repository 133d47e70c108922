package org.campaignledger.reliability;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

/**
 * Both sides in one context, as the all-in-one launcher has them (without its Hanoi bootstrap): the
 * application these tests start on a database of their own. Test configurations are added by the tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"org.campaignledger.command", "org.campaignledger.query"},
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "org\\.campaignledger\\.(command|query)\\.\\w+SideApplication"))
class ReliabilityApplication {
}
