package org.campaignledger.command.web;

/** What an accepted request with an {@code Idempotency-Key} left behind: enough to answer its retries. */
record IdempotencyRecord(String requestFingerprint, long aggregateVersion) {
}
