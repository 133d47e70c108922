package org.campaignledger.query.dashboard;

import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.campaignledger.api.campaign.CampaignClosedEvent;
import org.campaignledger.api.campaign.CampaignLaunchedEvent;
import org.campaignledger.api.common.CampaignFact;
import org.campaignledger.api.support.SupportPointClosedEvent;
import org.campaignledger.api.support.SupportPointOpenedEvent;
import org.campaignledger.api.support.SupportSessionRecordedEvent;
import org.campaignledger.api.unit.CommunityDigitalTeamFormedEvent;
import org.campaignledger.api.unit.ITOfficerAssignedEvent;
import org.campaignledger.api.unit.ITOfficerReleasedEvent;
import org.campaignledger.api.unit.ModelPracticeNominatedEvent;
import org.campaignledger.api.unit.TechRescueTeamFormedEvent;
import org.campaignledger.query.projection.ChangeNotifications;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every query node that a projection changed: one handler rides along in each projection's
 * processing group, so it sees the same batch in the same transaction, and at commit sends
 * {@code NOTIFY campaign_ledger_progress, '<campaign id>'} once per campaign the batch touched.
 * PostgreSQL delivers a notification only if the transaction commits, and only after it has, so a
 * browser that re-reads on it sees the new rows; a rolled-back batch tells nobody. In a bulk replay the
 * progress projection's rows are written after its batch commits ({@code ReplayWriter}), so its writes send the
 * same notification again when they commit.
 */
final class ProjectionSignals {

    static final String CHANNEL = ChangeNotifications.CHANNEL;

    private ProjectionSignals() {
    }

    static void signal(JdbcTemplate jdbc, String processingGroup, CampaignFact fact) {
        if (!CurrentUnitOfWork.isStarted() || fact.campaignId() == null) {
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Set<String> campaigns = root.getOrComputeResource("dashboard-signal." + processingGroup, key -> {
            Set<String> touched = new LinkedHashSet<>();
            root.onPrepareCommit(unitOfWork -> ChangeNotifications.notifyChanged(jdbc, touched));
            return touched;
        });
        campaigns.add(fact.campaignId().value());
    }

    /** Figures: cards, timeline, map, ranking, comparison. */
    @Component
    @ProcessingGroup("progress")
    static class Progress {

        private final JdbcTemplate jdbc;

        Progress(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(CampaignFact fact) {
            signal(jdbc, "progress", fact);
        }
    }

    /** A unit's officers, teams and support points: only the events that projection reads. */
    @Component
    @ProcessingGroup("unit-details")
    static class UnitDetails {

        private final JdbcTemplate jdbc;

        UnitDetails(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(ITOfficerAssignedEvent fact) {
            signal(jdbc, "unit-details", fact);
        }

        @EventHandler
        void on(ITOfficerReleasedEvent fact) {
            signal(jdbc, "unit-details", fact);
        }

        @EventHandler
        void on(CommunityDigitalTeamFormedEvent fact) {
            signal(jdbc, "unit-details", fact);
        }

        @EventHandler
        void on(TechRescueTeamFormedEvent fact) {
            signal(jdbc, "unit-details", fact);
        }

        @EventHandler
        void on(SupportPointOpenedEvent fact) {
            signal(jdbc, "unit-details", fact);
        }

        @EventHandler
        void on(SupportSessionRecordedEvent fact) {
            signal(jdbc, "unit-details", fact);
        }

        @EventHandler
        void on(SupportPointClosedEvent fact) {
            signal(jdbc, "unit-details", fact);
        }

        @EventHandler
        void on(ModelPracticeNominatedEvent fact) {
            signal(jdbc, "unit-details", fact);
        }
    }

    /** A campaign's status: launched, closed. */
    @Component
    @ProcessingGroup("campaigns")
    static class Campaigns {

        private final JdbcTemplate jdbc;

        Campaigns(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(CampaignLaunchedEvent fact) {
            signal(jdbc, "campaigns", fact);
        }

        @EventHandler
        void on(CampaignClosedEvent fact) {
            signal(jdbc, "campaigns", fact);
        }
    }
}
