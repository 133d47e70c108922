package org.campaignledger.command.seal;

import org.campaignledger.api.ledger.LedgerSealedEvent;
import org.campaignledger.platform.chain.LedgerSealer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Seals the log once a day ({@code campaign-ledger.seal.cron} in {@code campaign-ledger.seal.zone}; "-" turns it
 * off). Every command node runs the schedule; the first seals, the others find nothing new and skip.
 */
@Component
class DailySeal {

    private final LedgerSealer sealer;

    DailySeal(LedgerSealer sealer) {
        this.sealer = sealer;
    }

    @Scheduled(cron = "${campaign-ledger.seal.cron}", zone = "${campaign-ledger.seal.zone}")
    void seal() {
        sealer.sealIfChanged(LedgerSealedEvent.Reason.DAILY);
    }
}
