package org.campaignledger.api.query;

import java.time.Instant;

/** One aggregate's state folded from its events recorded up to {@code asKnownAt} (null: now). */
public record FindAggregateStateQuery(String aggregateIdentifier, Instant asKnownAt) {
}
