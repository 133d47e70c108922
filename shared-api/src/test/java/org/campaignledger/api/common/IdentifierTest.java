package org.campaignledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The identifier rule, {@code [A-Za-z0-9][A-Za-z0-9._:-]*} of at most 64 characters, checked without a regex. */
class IdentifierTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "7", "HN-2026", "ward:ba-dinh.01", "x_y",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "0.-_:"})
    void acceptsLettersDigitsAndTheFourMarksAfterTheFirst(String value) {
        assertThat(Identifier.requireValid(value, "id")).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-a", ".a", "_a", ":a", "a b", "a/b", "a\tb", "é", "aé", "a\n",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Ａ", "١"})
    void refusesAnythingElse(String value) {
        assertThatThrownBy(() -> Identifier.requireValid(value, "id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id must be 1-64 characters");
    }

    @Test
    void refusesBlankAndMissing() {
        assertThatThrownBy(() -> Identifier.requireValid(" ", "id")).hasMessage("id must not be blank");
        assertThatThrownBy(() -> Identifier.requireValid(null, "id")).hasMessage("id must not be blank");
    }

    @Test
    void agreesWithThePatternOnEveryPrintableAsciiCharacterInEitherPlace() {
        for (char c = 32; c < 127; c++) {
            for (String value : new String[] {c + "a", "a" + c}) {
                boolean byPattern = !value.isBlank() && value.matches("[A-Za-z0-9][A-Za-z0-9._:-]*");
                boolean accepted;
                try {
                    Identifier.requireValid(value, "id");
                    accepted = true;
                } catch (IllegalArgumentException e) {
                    accepted = false;
                }
                assertThat(accepted).as("'%s'", value).isEqualTo(byPattern);
            }
        }
    }
}
