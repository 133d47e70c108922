package org.campaignledger.platform.metrics;

import io.micrometer.core.instrument.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * Time spent handling messages over a sliding window, in one bucket per second: what Axon's capacity gauge
 * ({@code commandBus.capacity}, {@code eventProcessor.capacity}) reports, in constant memory.
 * <p>
 * Axon computes it from a {@code SlidingTimeWindowReservoir}, which keeps every handling time of the window
 * in a {@code ConcurrentSkipListMap} (two boxed longs and a skip-list node per message). During B3 at scale 1
 * those maps held about a million entries (67–87 MB of the 512 MB heap, growing), and their puts were 3–4 % of the
 * JVM's CPU. Here the gauge reads the last {@code window} complete seconds, so it lags by under a second.
 */
final class BusyTime {

    private final Clock clock;
    private final int windowSeconds;
    /** Bucket i holds the busy nanoseconds of second {@code seconds[i]} (monotonic seconds). */
    private final long[] busyNanos;
    private final long[] seconds;

    BusyTime(Duration window, Clock clock) {
        if (window.toSeconds() < 1) {
            throw new IllegalArgumentException("window must be at least one second: " + window);
        }
        this.clock = clock;
        this.windowSeconds = (int) window.toSeconds();
        this.busyNanos = new long[windowSeconds + 1];
        this.seconds = new long[windowSeconds + 1];
        Arrays.fill(seconds, Long.MIN_VALUE);
    }

    /** Adds one message's handling time to the current second. */
    synchronized void add(long nanos) {
        long now = currentSecond();
        int bucket = bucket(now);
        if (seconds[bucket] != now) {
            seconds[bucket] = now;
            busyNanos[bucket] = 0;
        }
        busyNanos[bucket] += nanos;
    }

    /** How many handlers were busy on average over the last window's complete seconds (1 = one thread all the time). */
    synchronized double capacity() {
        long now = currentSecond();
        long busy = 0;
        for (long second = now - windowSeconds; second < now; second++) {
            int bucket = bucket(second);
            if (seconds[bucket] == second) {
                busy += busyNanos[bucket];
            }
        }
        return (double) busy / Duration.ofSeconds(windowSeconds).toNanos();
    }

    private long currentSecond() {
        return Math.floorDiv(clock.monotonicTime(), 1_000_000_000L);
    }

    private int bucket(long second) {
        return (int) Math.floorMod(second, (long) busyNanos.length);
    }
}
