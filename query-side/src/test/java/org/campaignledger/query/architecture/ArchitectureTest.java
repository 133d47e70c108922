package org.campaignledger.query.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.config.ProcessingGroup;
import org.campaignledger.planted.PublicController;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** The query side reads the log and nothing of the command side; its controllers and projections stay private. */
class ArchitectureTest {

    private static final JavaClasses QUERY_SIDE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.campaignledger.query");

    private static final JavaClasses PLANTED = new ClassFileImporter().importClasses(PublicController.class);

    static final ArchRule NO_COMMAND_SIDE = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.campaignledger.command..");

    static final ArchRule PACKAGE_PRIVATE_CONTROLLERS = classes().that().areAnnotatedWith(RestController.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    static final ArchRule PACKAGE_PRIVATE_PROJECTIONS = classes().that().areAnnotatedWith(ProcessingGroup.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @Test
    void querySideKeepsItsRules() {
        assertThat(QUERY_SIDE.stream().filter(c -> c.isAnnotatedWith(RestController.class)).count())
                .isGreaterThan(4);
        // one processing group per projection; other handlers (e.g. the dashboard's signals) may join one
        assertThat(QUERY_SIDE.stream().filter(c -> c.isAnnotatedWith(ProcessingGroup.class))
                .map(c -> c.getAnnotationOfType(ProcessingGroup.class).value()).distinct())
                .containsExactlyInAnyOrder("campaigns", "progress", "unit-details");
        NO_COMMAND_SIDE.check(QUERY_SIDE);
        PACKAGE_PRIVATE_CONTROLLERS.check(QUERY_SIDE);
        PACKAGE_PRIVATE_PROJECTIONS.check(QUERY_SIDE);
    }

    @Test
    void rulesCatchAPlantedViolation() {
        assertThatThrownBy(() -> NO_COMMAND_SIDE.check(PLANTED)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CommandSideThing");
        assertThatThrownBy(() -> PACKAGE_PRIVATE_CONTROLLERS.check(PLANTED)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PublicController");
    }
}
