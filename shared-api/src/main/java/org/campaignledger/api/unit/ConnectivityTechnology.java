package org.campaignledger.api.unit;

/** The network brought to a public service point (R6). */
public enum ConnectivityTechnology {
    FIXED_BROADBAND,
    FIVE_G
}
