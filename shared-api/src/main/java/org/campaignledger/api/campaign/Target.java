package org.campaignledger.api.campaign;

import java.math.BigDecimal;

/** A goal the campaign sets on one metric: a percentage (0-100) or a count, see {@link TargetMetric}. */
public record Target(TargetMetric metric, BigDecimal goal) {
}
