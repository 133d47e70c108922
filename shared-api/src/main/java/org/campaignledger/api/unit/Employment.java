package org.campaignledger.api.unit;

/** How an IT officer works for the unit: on its staff, or hired where it has none (R1). */
public enum Employment {
    STAFF,
    CONTRACTED
}
