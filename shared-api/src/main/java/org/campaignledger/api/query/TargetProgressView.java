package org.campaignledger.api.query;

import java.math.BigDecimal;
import org.campaignledger.api.campaign.TargetMetric;

/** One campaign target at one date: the value reached, its percentage of the goal, and whether it is met. */
public record TargetProgressView(TargetMetric metric, BigDecimal goal, BigDecimal value, BigDecimal percentOfGoal,
                                 boolean met) {
}
