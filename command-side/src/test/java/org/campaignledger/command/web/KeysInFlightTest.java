package org.campaignledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

class KeysInFlightTest {

    private final KeysInFlight keys = new KeysInFlight();

    @Test
    void aSecondRequestWithTheKeyWaitsUntilTheFirstHasItsAnswer() throws Exception {
        KeysInFlight.Held first = keys.enter("department", "k-1", Duration.ofSeconds(5));
        CompletableFuture<KeysInFlight.Held> second = CompletableFuture.supplyAsync(
                () -> keys.enter("department", "k-1", Duration.ofSeconds(30)));
        Thread.sleep(200);
        assertThat(second).isNotDone();

        first.close();
        second.get(10, TimeUnit.SECONDS).close();
        keys.enter("department", "k-1", Duration.ofSeconds(1)).close();
    }

    @Test
    void otherKeysAndOtherPrincipalsDoNotWait() {
        try (KeysInFlight.Held held = keys.enter("department", "k-2", Duration.ofSeconds(1))) {
            keys.enter("department", "k-3", Duration.ofMillis(1)).close();
            keys.enter("officer", "k-2", Duration.ofMillis(1)).close();
        }
    }

    @Test
    void waitingLongerThanTheCommandTimeoutIsA503ToRetry() {
        try (KeysInFlight.Held held = keys.enter("department", "k-4", Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> keys.enter("department", "k-4", Duration.ofMillis(100)))
                    .isInstanceOf(QueryTimeoutException.class);
        }
        keys.enter("department", "k-4", Duration.ofMillis(1)).close();
    }
}
