package org.campaignledger.api.query;

import java.time.Instant;
import java.time.LocalDate;
import org.campaignledger.api.unit.PracticeId;
import org.campaignledger.api.unit.UnitCode;

/** A practice nominated as a model for rewards (R10). */
public record ModelPracticeView(UnitCode unitCode, PracticeId practiceId, String title, String description,
                                LocalDate nominatedOn, Instant recordedAt) {
}
