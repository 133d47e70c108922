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

/** A unit's page on the dashboard. No personal data: officers and teams by id only. */
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

    public record ItOfficer(OfficerId officerId, Employment employment, LocalDate assignedOn, LocalDate releasedOn) {
    }

    public enum TeamKind { COMMUNITY_DIGITAL, TECH_RESCUE }

    public record Team(TeamId teamId, TeamKind kind, String residentialGroup, int memberCount, LocalDate formedOn) {
    }

    public record SupportPoint(SupportPointId pointId, String location, LocalDate openedOn, LocalDate closedOn,
                               long sessions, Map<PriorityGroup, Long> peopleServed, long peopleServedTotal) {
    }
}
