package org.campaignledger.simulator.send;

import java.time.Duration;

/**
 * How often and how patiently a command is retried when the platform is unavailable (503, 502, 504,
 * 429, or no connection). Backoff doubles from {@code initialBackoff} up to {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Rides out a platform restart of about a minute. */
    public static RetryPolicy standard() {
        return new RetryPolicy(12, Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    /** The pause before attempt {@code attempt + 1}, {@code attempt} counting from 1. */
    public Duration backoffAfter(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
