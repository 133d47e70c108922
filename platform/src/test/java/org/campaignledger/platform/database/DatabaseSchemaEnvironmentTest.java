package org.campaignledger.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DatabaseSchemaEnvironmentTest {

    @Test
    void pointsTheDataSourceAndFlywayAtTheSchema() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/test")
                .withProperty(DatabaseSchemaEnvironment.SCHEMA, "ledger_hanoi");
        new DatabaseSchemaEnvironment().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=ledger_hanoi");
        assertThat(environment.getProperty("spring.flyway.schemas")).isEqualTo("ledger_hanoi");
    }

    @Test
    void refusesASchemaNameThatIsNotAPlainIdentifier() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/test")
                .withProperty(DatabaseSchemaEnvironment.SCHEMA, "x; drop table y");
        assertThatThrownBy(() -> new DatabaseSchemaEnvironment().postProcessEnvironment(environment,
                new SpringApplication())).isInstanceOf(IllegalArgumentException.class);
    }
}
