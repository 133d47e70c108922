package org.campaignledger.api.campaign;

/** Vietnamese xã (commune) or phường (ward). */
public enum UnitKind {
    COMMUNE,
    WARD
}
