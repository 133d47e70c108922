package org.campaignledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private Instant now = Instant.parse("2025-08-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void allowsABurstThenTheRateAndSaysHowLongToWait() {
        TokenBuckets buckets = new TokenBuckets(2, 3, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).isZero();
        }
        assertThat(buckets.take("a")).isEqualTo(Duration.ofMillis(500));
        now = now.plusMillis(500);
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
        now = now.plus(Duration.ofHours(1));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isPositive();
    }
}
