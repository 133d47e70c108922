package org.campaignledger.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.campaignledger.api.planted.SpringInSharedApi;
import org.campaignledger.command.planted.CommandSideReadsQuerySide;
import org.campaignledger.query.planted.QuerySideSendsCommands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked on the production classes of every module, and each rule shown to
 * catch a violation planted for it in this test source tree (so none can pass by matching nothing).
 */
class ArchitectureTest {

    static final ArchRule SHARED_API_IS_PLAIN = noClasses().that().resideInAPackage("org.campaignledger.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "javax.persistence..", "org.hibernate..", "org.campaignledger.platform..",
                    "org.campaignledger.command..", "org.campaignledger.query..")
            .because("shared-api holds messages and value types only: records, no Spring, no JPA");

    static final ArchRule COMMAND_SIDE_IGNORES_QUERY_SIDE = noClasses()
            .that().resideInAPackage("org.campaignledger.command..")
            .should().dependOnClassesThat().resideInAPackage("org.campaignledger.query..")
            .because("the command side decides on its own aggregates, never on projections");

    static final ArchRule QUERY_SIDE_IGNORES_COMMAND_SIDE = noClasses()
            .that().resideInAPackage("org.campaignledger.query..")
            .should().dependOnClassesThat().resideInAPackage("org.campaignledger.command..")
            .because("the query side reads the event log, never the command side's code");

    static final ArchRule PLATFORM_KNOWS_NEITHER_SIDE = noClasses()
            .that().resideInAPackage("org.campaignledger.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.campaignledger.command..",
                    "org.campaignledger.query..", "org.campaignledger.launcher..")
            .because("both sides build on the platform, not the other way round");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.campaignledger");
    }

    @Test
    void everyModuleIsImported() {
        assertThat(production.stream().map(javaClass -> javaClass.getPackageName().split("\\.")[2]).distinct())
                .contains("api", "platform", "command", "query", "launcher", "simulator");
    }

    @Test
    void sharedApiIsFreeOfSpringAndJpa() {
        SHARED_API_IS_PLAIN.check(production);
    }

    @Test
    void theCommandSideDoesNotDependOnTheQuerySide() {
        COMMAND_SIDE_IGNORES_QUERY_SIDE.check(production);
    }

    @Test
    void theQuerySideDoesNotDependOnTheCommandSide() {
        QUERY_SIDE_IGNORES_COMMAND_SIDE.check(production);
    }

    @Test
    void thePlatformDependsOnNeitherSide() {
        PLATFORM_KNOWS_NEITHER_SIDE.check(production);
    }

    @Test
    void eachRuleCatchesItsPlantedViolation() {
        JavaClasses planted = new ClassFileImporter().importClasses(SpringInSharedApi.class,
                CommandSideReadsQuerySide.class, QuerySideSendsCommands.class);
        assertThat(SHARED_API_IS_PLAIN.evaluate(planted).hasViolation()).isTrue();
        assertThat(COMMAND_SIDE_IGNORES_QUERY_SIDE.evaluate(planted).hasViolation()).isTrue();
        assertThat(QUERY_SIDE_IGNORES_COMMAND_SIDE.evaluate(planted).hasViolation()).isTrue();
        JavaClasses platformPlant = new ClassFileImporter()
                .importClasses(org.campaignledger.platform.PlantedPlatformUsesCommandSide.class);
        assertThat(PLATFORM_KNOWS_NEITHER_SIDE.evaluate(platformPlant).hasViolation()).isTrue();
    }
}
