package org.campaignledger.reliability;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.simulator.plan.CampaignDefinition;
import org.campaignledger.simulator.plan.CampaignPlan;
import org.campaignledger.simulator.plan.CampaignPlanner;
import org.campaignledger.simulator.plan.HanoiCampaignDefinition;
import org.campaignledger.simulator.plan.PlanSettings;
import org.campaignledger.simulator.send.HttpCommandSender;
import org.campaignledger.simulator.send.RetryPolicy;

/** Hanoi's definition on its first units under a campaign id of the test's, and a simulated plan for it. */
final class SampleCampaign {

    private SampleCampaign() {
    }

    static LaunchCampaignCommand launch(String prefix, int units) {
        LaunchCampaignCommand hanoi = HanoiCampaignDefinition.launchCommand();
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new LaunchCampaignCommand(new CampaignId(id), hanoi.name(), hanoi.directive(), hanoi.startDate(),
                hanoi.durationDays(), hanoi.timeZone(), hanoi.targets(), hanoi.courses(), hanoi.requiredCourses(),
                hanoi.units().subList(0, units));
    }

    static CampaignPlan plan(LaunchCampaignCommand launch, double scale, long seed) {
        return CampaignPlanner.plan(CampaignDefinition.of(launch), PlanSettings.of(scale, seed).withoutClosing());
    }

    /**
     * The simulator's HTTP client as department:department, patient enough to ride out an outage or a restart
     * of the given length: it retries 502/503/504/429 and lost connections with the same Idempotency-Key.
     */
    static HttpCommandSender sender(String baseUrl, Duration patience) {
        int attempts = (int) Math.max(12, patience.toSeconds() / 2);
        return new HttpCommandSender(URI.create(baseUrl),
                new RetryPolicy(attempts, Duration.ofMillis(100), Duration.ofSeconds(2)),
                Map.of("Authorization", LedgerChecks.BASIC_DEPARTMENT));
    }
}
