package org.campaignledger.query.unit;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.ResetHandler;
import org.campaignledger.api.query.UnitDetailView.TeamKind;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.SupportPointClosedEvent;
import org.campaignledger.api.support.SupportPointOpenedEvent;
import org.campaignledger.api.support.SupportSessionRecordedEvent;
import org.campaignledger.api.unit.CommunityDigitalTeamFormedEvent;
import org.campaignledger.api.unit.ITOfficerAssignedEvent;
import org.campaignledger.api.unit.ITOfficerReleasedEvent;
import org.campaignledger.api.unit.ModelPracticeNominatedEvent;
import org.campaignledger.api.unit.TechRescueTeamFormedEvent;
import org.campaignledger.query.projection.SqlBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the lists a unit's page shows. Sequenced per aggregate (Axon's default), which is enough: a
 * release follows its assignment in the unit's stream, a session follows its point's opening.
 */
@Component
@ProcessingGroup(UnitDetailProjection.NAME)
class UnitDetailProjection {

    static final String NAME = "unit-details";

    private final JdbcTemplate jdbc;

    UnitDetailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ITOfficerAssignedEvent event) {
        batch().add("INSERT INTO unit_it_officer (campaign_id, unit_code, officer_id, employment, assigned_on)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                event.campaignId().value(), event.unitCode().value(), event.officerId().value(),
                event.employment().name(), date(event.occurredOn()));
    }

    @EventHandler
    void on(ITOfficerReleasedEvent event) {
        batch().add("UPDATE unit_it_officer SET released_on = ? WHERE campaign_id = ? AND unit_code = ?"
                        + " AND officer_id = ? AND released_on IS NULL",
                date(event.occurredOn()), event.campaignId().value(), event.unitCode().value(),
                event.officerId().value());
    }

    @EventHandler
    void on(CommunityDigitalTeamFormedEvent event) {
        team(event.campaignId().value(), event.unitCode().value(), event.teamId().value(), TeamKind.COMMUNITY_DIGITAL,
                event.residentialGroup(), event.memberCount(), event.occurredOn());
    }

    @EventHandler
    void on(TechRescueTeamFormedEvent event) {
        team(event.campaignId().value(), event.unitCode().value(), event.teamId().value(), TeamKind.TECH_RESCUE,
                null, event.memberCount(), event.occurredOn());
    }

    @EventHandler
    void on(SupportPointOpenedEvent event) {
        batch().add("INSERT INTO support_point_view (campaign_id, point_id, unit_code, location, opened_on)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                event.campaignId().value(), event.pointId().value(), event.unitCode().value(), event.location(),
                date(event.occurredOn()));
    }

    @EventHandler
    void on(SupportSessionRecordedEvent event, @SequenceNumber long sequence) {
        // the statement batch first, so the point's INSERT (same batch) is written before its sums
        SessionTotals.current(NAME, jdbc, this::batch).add(event.campaignId().value(), event.pointId().value(),
                sequence,
                served(event, PriorityGroup.ELDERLY), served(event, PriorityGroup.DISABLED),
                served(event, PriorityGroup.POOR_HOUSEHOLD), served(event, PriorityGroup.NEAR_POOR_HOUSEHOLD),
                served(event, PriorityGroup.OTHER));
    }

    @EventHandler
    void on(SupportPointClosedEvent event) {
        batch().add("UPDATE support_point_view SET closed_on = ? WHERE campaign_id = ? AND point_id = ?",
                date(event.occurredOn()), event.campaignId().value(), event.pointId().value());
    }

    @EventHandler
    void on(ModelPracticeNominatedEvent event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        batch().add("INSERT INTO model_practice_view (campaign_id, practice_id, unit_code, title, description,"
                        + " nominated_on, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                event.campaignId().value(), event.practiceId().value(), event.unitCode().value(), event.title(),
                event.description(), date(event.occurredOn()), Timestamp.from(recordedAt));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE unit_it_officer, unit_team, support_point_view, model_practice_view");
    }

    private void team(String campaignId, String unitCode, String teamId, TeamKind kind, String group, int members,
                      LocalDate formedOn) {
        batch().add("INSERT INTO unit_team (campaign_id, unit_code, team_id, kind, residential_group, member_count,"
                        + " formed_on) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                campaignId, unitCode, teamId, kind.name(), group, members, date(formedOn));
    }

    private static int served(SupportSessionRecordedEvent event, PriorityGroup group) {
        Integer count = event.peopleServed() == null ? null : event.peopleServed().get(group);
        return count == null ? 0 : count;
    }

    private static Date date(LocalDate date) {
        return Date.valueOf(date);
    }

    private SqlBatch batch() {
        return SqlBatch.current(NAME, jdbc);
    }
}
