package org.campaignledger.query.progress;

import static org.campaignledger.query.progress.Measure.*;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.campaignledger.api.campaign.CampaignClosedEvent;
import org.campaignledger.api.campaign.CampaignLaunchedEvent;
import org.campaignledger.api.common.CampaignFact;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.SupportPointClosedEvent;
import org.campaignledger.api.support.SupportPointOpenedEvent;
import org.campaignledger.api.support.SupportSessionRecordedEvent;
import org.campaignledger.api.training.CourseCompletedEvent;
import org.campaignledger.api.training.ParticipantEnrolledEvent;
import org.campaignledger.api.unit.CommunityDigitalTeamFormedEvent;
import org.campaignledger.api.unit.ConnectivityTechnology;
import org.campaignledger.api.unit.ConnectivityUpgradedEvent;
import org.campaignledger.api.unit.Employment;
import org.campaignledger.api.unit.ITOfficerAssignedEvent;
import org.campaignledger.api.unit.ITOfficerReleasedEvent;
import org.campaignledger.api.unit.ModelPracticeNominatedEvent;
import org.campaignledger.api.unit.ResidentialGroupAssessedEvent;
import org.campaignledger.api.unit.StudentVolunteersMobilisedEvent;
import org.campaignledger.api.unit.TechRescueTeamFormedEvent;
import org.campaignledger.api.unit.TelecomEngineersDeployedEvent;
import org.campaignledger.query.projection.BatchBuffer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code unit_day_delta} (known now), {@code fact_change} (when each change became known), its sums per
 * recording hour ({@code fact_change_hour}) and
 * {@code participant_progress}. Each fact counts on its business day; its recording time is the event's
 * timestamp, which the event store reads from the database's {@code recorded_at}.
 */
@Component
@ProcessingGroup(ProgressProjection.NAME)
class ProgressProjection {

    static final String NAME = "progress";

    private final JdbcTemplate jdbc;
    private final CampaignDefinitions definitions;
    private final ProgressReader reader;

    ProgressProjection(JdbcTemplate jdbc, CampaignDefinitions definitions, ProgressReader reader) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.reader = reader;
    }

    @EventHandler
    void on(CampaignLaunchedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        batch().launched(event, recordedAt);
    }

    @EventHandler
    void on(CampaignClosedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        batch().closed(event, recordedAt);
    }

    @EventHandler
    void on(ParticipantEnrolledEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        batch().enrolled(event, recordedAt, eventId);
    }

    @EventHandler
    void on(CourseCompletedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        batch().completed(event, recordedAt, eventId);
    }

    @EventHandler
    void on(ITOfficerAssignedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        change(event, recordedAt, eventId, officers(event.employment()), 1);
    }

    @EventHandler
    void on(ITOfficerReleasedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        change(event, recordedAt, eventId, officers(event.employment()), -1);
    }

    @EventHandler
    void on(CommunityDigitalTeamFormedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        change(event, recordedAt, eventId, COMMUNITY_TEAMS, 1, COMMUNITY_TEAM_MEMBERS, event.memberCount());
    }

    @EventHandler
    void on(TechRescueTeamFormedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        change(event, recordedAt, eventId, RESCUE_TEAMS, 1);
    }

    @EventHandler
    void on(ConnectivityUpgradedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        change(event, recordedAt, eventId, event.technology() == ConnectivityTechnology.FIVE_G
                ? CONNECTIVITY_FIVE_G : CONNECTIVITY_FIXED_BROADBAND, 1);
    }

    @EventHandler
    void on(ResidentialGroupAssessedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        change(event, recordedAt, eventId, RESIDENTIAL_GROUPS_ASSESSED, 1);
    }

    @EventHandler
    void on(StudentVolunteersMobilisedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        change(event, recordedAt, eventId, STUDENT_VOLUNTEERS, event.count());
    }

    @EventHandler
    void on(TelecomEngineersDeployedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        change(event, recordedAt, eventId, TELECOM_ENGINEERS, event.count());
    }

    @EventHandler
    void on(ModelPracticeNominatedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        change(event, recordedAt, eventId, MODEL_PRACTICES, 1);
    }

    @EventHandler
    void on(SupportPointOpenedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        change(event, recordedAt, eventId, SUPPORT_POINTS_OPEN, 1);
    }

    @EventHandler
    void on(SupportPointClosedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        change(event, recordedAt, eventId, SUPPORT_POINTS_OPEN, -1);
    }

    @EventHandler
    void on(SupportSessionRecordedEvent event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        Object[] deltas = new Object[2 + 2 * PriorityGroup.values().length];
        deltas[0] = SUPPORT_SESSIONS;
        deltas[1] = 1;
        int i = 2;
        for (PriorityGroup group : PriorityGroup.values()) {
            Integer served = event.peopleServed() == null ? null : event.peopleServed().get(group);
            deltas[i++] = Measure.peopleServed(group);
            deltas[i++] = served == null ? 0 : served;
        }
        change(event, recordedAt, eventId, deltas);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE progress_campaign, unit_day_delta, fact_change, fact_change_hour, participant_progress");
        definitions.forgetAll();
        reader.forgetAll();
    }

    private void change(CampaignFact fact, Instant recordedAt, @MessageIdentifier String eventId, Object... measuresAndDeltas) {
        LocalDate occurredOn = fact.occurredOn();
        batch().change(fact.campaignId().value(), fact.unitCode().value(), occurredOn, recordedAt,
                eventId, measuresAndDeltas);
    }

    private static Measure officers(Employment employment) {
        return employment == Employment.CONTRACTED ? IT_OFFICERS_CONTRACTED : IT_OFFICERS_STAFF;
    }

    private ProgressBatch batch() {
        return BatchBuffer.current(NAME, () -> new ProgressBatch(BatchBuffer.firstDelivery()), this::flush);
    }

    /**
     * In the batch's transaction; in a bulk replay, the batch is folded here and written by the replay's writer
     * while the next batch is folded, and its writes notify the query nodes themselves (the batch's own signal
     * commits before them).
     */
    private void flush(ProgressBatch batch) {
        BatchBuffer.replayWriter().ifPresentOrElse(
                writer -> writer.submit(batch.fold(jdbc, definitions,
                        writer.lastSubmitted(ProgressBatch.Writes.class)), writes -> writes.write(jdbc, true)),
                () -> batch.flush(jdbc, definitions));
    }
}
