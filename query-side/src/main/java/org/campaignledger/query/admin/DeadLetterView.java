package org.campaignledger.query.admin;

/**
 * An event a projection could not apply, parked in its processing group's dead-letter queue: which event,
 * in which sequence (the events after it in the same sequence wait behind it), and why it failed.
 */
public record DeadLetterView(
        String processingGroup,
        String sequenceIdentifier,
        long sequenceIndex,
        String eventIdentifier,
        String payloadType,
        String aggregateIdentifier,
        Long aggregateSequenceNumber,
        String enqueuedAt,
        String lastTouched,
        String causeType,
        String causeMessage) {
}
