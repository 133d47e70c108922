package org.campaignledger.query.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaignledger.api.campaign.UnitDefinition;

/**
 * The running sums of every measure per unit and day of one campaign, as known at one instant:
 * {@code sums(unit)[day][measure]} for days 0 (nothing yet) to the campaign's duration.
 */
final class Progress {

    private final CampaignDefinition definition;
    private final Map<String, long[][]> sumsByUnit;

    private Progress(CampaignDefinition definition, Map<String, long[][]> sumsByUnit) {
        this.definition = definition;
        this.sumsByUnit = sumsByUnit;
    }

    /** Turns per-day deltas into running sums. Facts dated before day 1 count from day 1 on. */
    static Progress fromDeltas(CampaignDefinition definition, Map<String, long[][]> deltasByUnit) {
        Map<String, long[][]> sums = new LinkedHashMap<>();
        for (UnitDefinition unit : definition.units()) {
            long[][] deltas = deltasByUnit.get(unit.code().value());
            long[][] running = new long[definition.durationDays() + 1][Measure.COUNT];
            if (deltas != null) {
                for (int day = 1; day <= definition.durationDays(); day++) {
                    for (int m = 0; m < Measure.COUNT; m++) {
                        running[day][m] = running[day - 1][m] + deltas[day][m];
                    }
                }
            }
            sums.put(unit.code().value(), running);
        }
        return new Progress(definition, sums);
    }

    CampaignDefinition definition() {
        return definition;
    }

    long[] at(String unitCode, int day) {
        return sumsByUnit.get(unitCode)[Math.max(0, Math.min(day, definition.durationDays()))];
    }

    List<long[]> allUnitsAt(int day) {
        return definition.units().stream().map(unit -> at(unit.code().value(), day)).toList();
    }
}
