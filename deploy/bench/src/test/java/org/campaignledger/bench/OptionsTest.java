package org.campaignledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void measuresB1AtTheIssuesConcurrenciesUnlessToldOthers() {
        assertThat(Options.parse(new String[0]).concurrencies()).containsExactly(1, 8, 32);
        assertThat(Options.parse(new String[] {"--concurrencies=1, 4"}).concurrencies()).containsExactly(1, 4);
    }

    @Test
    void warmsB1UpForTwentySecondsAPathExceptInTheSmokeRun() {
        assertThat(Options.parse(new String[0]).commandsWarmUp()).isEqualTo(Duration.ofSeconds(20));
        assertThat(Options.parse(new String[] {"--commands-warmup-seconds=5"}).commandsWarmUp())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(Options.parse(new String[] {"--smoke"}).commandsWarmUp()).isZero();
        assertThatThrownBy(() -> Options.parse(new String[] {"--commands-warmup-seconds=-1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--commands-warmup-seconds");
    }

    @Test
    void refusesAnOptionItDoesNotKnowBeforeAnythingRuns() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--help"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --help")
                .hasMessageContaining("--measures=");
        assertThatThrownBy(() -> Options.parse(new String[] {"--repeat=2"}))
                .hasMessageContaining("unknown option --repeat=2");
        assertThat(Options.parse(new String[] {"--repeats=2", "--smoke"}).repeats()).isEqualTo(2);
    }

    @Test
    void refusesAConcurrencyThatIsNotPositive() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--concurrencies=8,0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--concurrencies=8,0");
        assertThatThrownBy(() -> Options.parse(new String[] {"--concurrencies=eight"}))
                .isInstanceOf(NumberFormatException.class);
    }
}
