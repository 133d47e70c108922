package org.campaignledger.launcher;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaignledger.simulator.plan.HanoiCampaignDefinition;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.campaignledger.platform.eventstore.MetadataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Launches Hanoi's campaign, the default data set, unless it was launched before. */
@Component
class HanoiBootstrap {

    private static final Logger log = LoggerFactory.getLogger(HanoiBootstrap.class);

    private final CommandGateway gateway;

    HanoiBootstrap(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** @return true if this call launched it, false if it was there already */
    boolean launchUnlessLaunched() {
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(HanoiCampaignDefinition.launchCommand())
                    .andMetaData(Map.of(MetadataKeys.PRINCIPAL, "system", MetadataKeys.ROLE, "SYSTEM",
                            MetadataKeys.CORRELATION_ID, "bootstrap-" + HanoiCampaignDefinition.ID)));
            log.info("Launched campaign {} with {} units", HanoiCampaignDefinition.ID, HanoiCampaignDefinition.launchCommand().units().size());
            return true;
        } catch (RuleViolation violation) {
            if (violation.rule() != Rule.CAMPAIGN_ALREADY_LAUNCHED) {
                throw violation;
            }
            return false;
        }
    }
}
