package org.campaignledger.command.throughput;

import java.util.List;
import java.util.Set;

/**
 * Prepares the loads of a group's aggregates, in the group's transaction before its first command runs, so that its
 * commands do not each read their own stream, one round trip after the other.
 */
interface StreamPreload {

    /** Every aggregate loads its own stream. */
    StreamPreload NONE = new StreamPreload() {
        @Override
        public Set<String> prepare(List<Target> targets) {
            return Set.of();
        }

        @Override
        public void readAfresh(String aggregate) {
        }
    };

    /**
     * Reads the streams of the targets' aggregates that are not in the cache, or takes those of commands that usually
     * create their aggregate to have no events, unread.
     *
     * @param targets each command's aggregate and type
     * @return the aggregates taken to have no events: each one's command must be checked ({@link GroupCommitCommandBus})
     */
    Set<String> prepare(List<Target> targets);

    /** The aggregate's next load in the current unit of work reads its stream. */
    void readAfresh(String aggregate);

    /** A command's target: its routing key (the aggregate's identifier) and its payload's type. */
    record Target(String aggregate, Class<?> commandType) {
    }
}
