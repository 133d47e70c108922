package org.campaignledger.api.unit;

/** A command that records a fact of one unit in one campaign: the AdministrativeUnit aggregate's commands. */
public interface UnitFactCommand {

    AdministrativeUnitId unitId();
}
