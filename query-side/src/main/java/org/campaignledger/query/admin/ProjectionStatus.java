package org.campaignledger.query.admin;

import java.time.Instant;

/**
 * One projection (processing group) and its processor: where it is in the log, and, while it is being
 * rebuilt, how far the rebuild got ({@code eventsDone} of {@code eventsTotal}, at {@code eventsPerSecond}).
 */
public record ProjectionStatus(
        String name,
        State state,
        Long position,
        long head,
        boolean caughtUp,
        boolean replaying,
        Instant rebuildStartedAt,
        Instant rebuildFinishedAt,
        Long eventsDone,
        Long eventsTotal,
        Double eventsPerSecond,
        String error) {

    public enum State { RUNNING, REBUILDING, STOPPED }
}
