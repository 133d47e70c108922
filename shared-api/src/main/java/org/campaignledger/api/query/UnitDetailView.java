package org.campaignledger.api.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.UnitKind;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.api.unit.Employment;
import org.campaignledger.api.unit.OfficerId;
import org.campaignledger.api.unit.TeamId;
import org.campaignledger.api.unit.UnitCode;

/**
 * A unit's page on the dashboard. IT officers' ids and names are personal data: callers who may not read
 * the unit's people get {@link #withoutPersonalData()}.
 */
public record UnitDetailView(
        CampaignId campaignId,
        UnitCode unitCode,
        String name,
        UnitKind kind,
        Long population,
        Double longitude,
        Double latitude,
        LocalDate asOf,
        MetricsView metrics,
        List<TargetProgressView> targets,
        List<ItOfficer> itOfficers,
        List<Team> teams,
        List<SupportPoint> supportPoints,
        List<ModelPracticeView> modelPractices) {

    /**
     * @param name the officer's name from the personal-data store; null if none was recorded, was erased, or the
     *             caller may not read it
     * @param nameErased whether the officer was forgotten (shown as "erased" where the name would show)
     */
    public record ItOfficer(OfficerId officerId, Employment employment, LocalDate assignedOn, LocalDate releasedOn,
                            String name, boolean nameErased) {
    }

    /** The same page without who the IT officers are: their assignments stay, their ids and names go. */
    public UnitDetailView withoutPersonalData() {
        List<ItOfficer> anonymous = itOfficers.stream()
                .map(o -> new ItOfficer(null, o.employment(), o.assignedOn(), o.releasedOn(), null, false))
                .toList();
        return new UnitDetailView(campaignId, unitCode, name, kind, population, longitude, latitude, asOf, metrics,
                targets, anonymous, teams, supportPoints, modelPractices);
    }

    public enum TeamKind { COMMUNITY_DIGITAL, TECH_RESCUE }

    public record Team(TeamId teamId, TeamKind kind, String residentialGroup, int memberCount, LocalDate formedOn) {
    }

    public record SupportPoint(SupportPointId pointId, String location, LocalDate openedOn, LocalDate closedOn,
                               long sessions, Map<PriorityGroup, Long> peopleServed, long peopleServedTotal) {
    }
}
