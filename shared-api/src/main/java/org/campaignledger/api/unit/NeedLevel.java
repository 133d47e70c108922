package org.campaignledger.api.unit;

/** How much support a residential group needs, as assessed by its unit (R8). */
public enum NeedLevel {
    LOW,
    MEDIUM,
    HIGH
}
