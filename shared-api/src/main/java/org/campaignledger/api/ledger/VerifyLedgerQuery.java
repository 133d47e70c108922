package org.campaignledger.api.ledger;

/** Recompute every chain and seal of the log; answered with a {@link LedgerVerificationView}. */
public record VerifyLedgerQuery() {
}
