package org.campaignledger.simulator.plan;

/**
 * What varies between two simulated campaigns of the same definition.
 *
 * @param scale people and places per unit relative to Hanoi's real campaign: 1 is Hanoi (about a
 *              million commands), 0.01 is a fast test; per-unit facts (IT officers, rescue teams,
 *              connectivity, volunteers) do not scale
 * @param seed the only source of randomness: the same seed and scale give the same plan
 * @param closeCampaign whether the plan ends with {@code CloseCampaign} on the campaign's last day
 */
public record PlanSettings(double scale, long seed, boolean closeCampaign) {

    public PlanSettings {
        if (!(scale > 0) || scale > 1000) {
            throw new IllegalArgumentException("scale must be in (0, 1000]: " + scale);
        }
    }

    public static PlanSettings of(double scale, long seed) {
        return new PlanSettings(scale, seed, true);
    }

    public PlanSettings withoutClosing() {
        return new PlanSettings(scale, seed, false);
    }

    /** The scale as written in idempotency keys and logs: {@code 0.01}, {@code 1}, {@code 26}. */
    public String scaleText() {
        return java.math.BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
    }
}
