package org.campaignledger.query.admin;

/**
 * What a retry of a processing group's dead letters did: sequences whose letters were all applied now,
 * sequences that failed again (their letters stay queued), and how many letters are left.
 */
public record DeadLetterRetry(String processingGroup, int sequencesApplied, int sequencesFailedAgain,
                              long lettersLeft) {
}
