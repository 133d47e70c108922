package org.campaignledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.campaignledger.platform.MovableClock;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2025-08-01T00:00:00Z"));

    @Test
    void allowsABurstThenTheRateAndSaysHowLongToWait() {
        TokenBuckets buckets = new TokenBuckets(2, 3, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).isZero();
        }
        assertThat(buckets.take("a")).isEqualTo(Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(500));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void keepsOneBucketPerClient() {
        TokenBuckets buckets = new TokenBuckets(1, 1, clock);
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isPositive();
        assertThat(buckets.take("b")).isZero();
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        TokenBuckets buckets = new TokenBuckets(10, 2, clock);
        buckets.take("a");
        clock.advance(Duration.ofHours(1));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isPositive();
    }
}
