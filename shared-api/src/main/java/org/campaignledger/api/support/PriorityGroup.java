package org.campaignledger.api.support;

/** Who was served at a support point; the campaign gives priority to the first four (R5). */
public enum PriorityGroup {
    ELDERLY,
    DISABLED,
    POOR_HOUSEHOLD,
    NEAR_POOR_HOUSEHOLD,
    OTHER
}
