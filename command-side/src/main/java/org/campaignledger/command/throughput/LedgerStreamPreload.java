package org.campaignledger.command.throughput;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.common.caching.Cache;
import org.campaignledger.platform.eventstore.LedgerEventStorageEngine;

/**
 * The streams of a group's aggregates that the aggregate cache does not hold, read in one query of the ledger's
 * engine ({@link LedgerEventStorageEngine#preloadStreams}). The aggregates of the commands that usually create theirs
 * (an enrolment names a participant nobody enrolled yet) are taken to have no events, unread: the group-commit bus
 * checks every such command's outcome, and the log's unique key catches an aggregate that had events after all.
 */
final class LedgerStreamPreload implements StreamPreload {

    private final LedgerEventStorageEngine engine;
    private final Cache cache;
    private final Set<Class<?>> creations;

    /**
     * @param creations the command types that usually create their aggregate; on an aggregate with no events, each
     *                  either applies its first event (and answers version 0) or is rejected
     */
    LedgerStreamPreload(LedgerEventStorageEngine engine, Cache cache, Set<Class<?>> creations) {
        this.engine = engine;
        this.cache = cache;
        this.creations = Set.copyOf(creations);
    }

    @Override
    public Set<String> prepare(List<Target> targets) {
        Set<String> read = new LinkedHashSet<>();
        Set<String> assumedNew = new LinkedHashSet<>();
        for (Target target : targets) {
            if (!cache.containsKey(target.aggregate())) {
                (creations.contains(target.commandType()) ? assumedNew : read)
                        .add(target.aggregate());
            }
        }
        read.removeAll(assumedNew);
        // one stream is read as fast by its own load
        engine.preloadStreams(read.size() > 1 ? read : Set.of(), assumedNew);
        return assumedNew;
    }

    @Override
    public void readAfresh(String aggregate) {
        engine.forgetPreloaded(aggregate);
    }
}
