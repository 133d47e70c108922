package org.campaignledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void measuresB1AtTheIssuesConcurrenciesUnlessToldOthers() {
        assertThat(Options.parse(new String[0]).concurrencies()).containsExactly(1, 8, 32);
        assertThat(Options.parse(new String[] {"--concurrencies=1, 4"}).concurrencies()).containsExactly(1, 4);
    }

    @Test
    void refusesAConcurrencyThatIsNotPositive() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--concurrencies=8,0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--concurrencies=8,0");
        assertThatThrownBy(() -> Options.parse(new String[] {"--concurrencies=eight"}))
                .isInstanceOf(NumberFormatException.class);
    }
}
