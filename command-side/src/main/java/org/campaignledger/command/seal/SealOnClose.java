package org.campaignledger.command.seal;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.campaignledger.api.campaign.CampaignClosedEvent;
import org.campaignledger.api.ledger.LedgerSealedEvent;
import org.campaignledger.platform.chain.LedgerSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the log when a campaign is closed: after the closing's transaction committed (never a seal over a
 * closing that rolled back), on a thread of its own, so the closing's caller does not wait for the seal and a
 * group of commands sharing the commit is not held. A node that stops before the seal was taken loses it; the
 * next daily seal covers the same events.
 */
@Component
@ProcessingGroup(SealOnClose.PROCESSING_GROUP)
class SealOnClose {

    static final String PROCESSING_GROUP = "ledger-seal-on-close";
    private static final Logger log = LoggerFactory.getLogger(SealOnClose.class);

    private final LedgerSealer sealer;
    private final boolean enabled;
    private final ExecutorService sealing = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-seal");
        thread.setDaemon(true);
        return thread;
    });

    SealOnClose(LedgerSealer sealer, @Value("${campaign-ledger.seal.on-close}") boolean enabled) {
        this.sealer = sealer;
        this.enabled = enabled;
    }

    @PreDestroy
    void stop() {
        sealing.shutdown();
    }

    @EventHandler
    void on(CampaignClosedEvent event) {
        if (!enabled) {
            return;
        }
        Runnable seal = () -> {
            try {
                sealing.execute(() -> sealAfterClosing(event));
            } catch (RejectedExecutionException stopping) {
                log.warn("Stopping: no seal after closing campaign {}; the next daily seal covers it",
                        event.campaignId());
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> seal.run());
        } else {
            seal.run();
        }
    }

    private void sealAfterClosing(CampaignClosedEvent event) {
        try {
            sealer.seal(LedgerSealedEvent.Reason.CAMPAIGN_CLOSED, event.campaignId());
        } catch (RuntimeException e) {
            log.error("The seal after closing campaign {} failed; the next daily seal covers it",
                    event.campaignId(), e);
        }
    }
}
