package org.campaignledger.api.campaign;

import org.campaignledger.api.unit.UnitCode;

/**
 * One administrative unit taking part in a campaign. Population and coordinates are optional:
 * population weighs simulated activity, coordinates place the unit on the dashboard's map.
 */
public record UnitDefinition(
        UnitCode code, String name, UnitKind kind, Long population, Double longitude, Double latitude) {
}
