package org.campaignledger.query.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The read side's problem types and the parameter parsing that raises them. */
public final class QueryProblems {

    private QueryProblems() {
    }

    public static ProblemException campaignNotFound(String campaignId) {
        return new ProblemException(HttpStatus.NOT_FOUND, "campaign-not-found", "Unknown campaign",
                "No campaign " + campaignId + " is known to the read side.", Map.of("campaignId", campaignId));
    }

    public static ProblemException unitNotFound(String campaignId, String unitCode) {
        return new ProblemException(HttpStatus.NOT_FOUND, "unit-not-found", "Unknown unit",
                "Campaign " + campaignId + " has no unit " + unitCode + ".", Map.of("unitCode", unitCode));
    }

    public static ProblemException invalidParameter(String name, String value, String expected) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                "Parameter " + name + " is '" + value + "': expected " + expected + ".",
                Map.of("parameter", name, "value", value));
    }

    public static ProblemException dateOutsideCampaign(String name, String value, Object first, Object last) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "date-outside-campaign", "Date outside the campaign",
                "Parameter " + name + " is '" + value + "', outside the campaign (" + first + " to " + last + ").",
                Map.of("parameter", name, "value", value));
    }

    /** A campaign id from a path; one that cannot be an id names no campaign. */
    public static CampaignId campaignId(String value) {
        try {
            return new CampaignId(value);
        } catch (IllegalArgumentException e) {
            throw campaignNotFound(value);
        }
    }

    /** A unit code from a path or parameter; one that cannot be a code names no unit. Null when absent. */
    public static UnitCode unitCode(String campaignId, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new UnitCode(value);
        } catch (IllegalArgumentException e) {
            throw unitNotFound(campaignId, value);
        }
    }

    /** An ISO-8601 instant ({@code 2025-08-10T17:00:00Z}) or offset date-time; null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw invalidParameter(name, value, "an ISO-8601 instant such as 2025-08-10T17:00:00Z");
            }
        }
    }
}
