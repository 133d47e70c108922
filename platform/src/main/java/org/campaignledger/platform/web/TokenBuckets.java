package org.campaignledger.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per client: {@code burst} requests at once, refilled at {@code ratePerSecond}. A client
 * that found its bucket empty is told how long until the next token. Buckets idle long enough to be full
 * again are dropped, so many passing clients do not grow the map without bound.
 */
final class TokenBuckets {

    private static final int SWEEP_ABOVE = 10_000;

    private final double ratePerNano;
    private final int burst;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(double ratePerSecond, int burst, Clock clock) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate-limit: requests-per-second > 0 and burst >= 1 needed");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.clock = clock;
    }

    /** @return {@link Duration#ZERO} if the client may go on, else how long until it may */
    Duration take(String client) {
        long now = nanos();
        if (buckets.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * ratePerNano);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / ratePerNano));
        }
    }

    int clients() {
        return buckets.size();
    }

    private void sweep(long now) {
        long fullAfter = (long) (burst / ratePerNano);
        buckets.entrySet().removeIf(entry -> now - entry.getValue().at > fullAfter);
    }

    private long nanos() {
        Duration sinceEpoch = Duration.between(java.time.Instant.EPOCH, clock.instant());
        return sinceEpoch.toNanos();
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
