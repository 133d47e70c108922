package org.campaignledger.query.campaign;

import java.sql.Date;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.campaignledger.api.campaign.CampaignClosedEvent;
import org.campaignledger.api.campaign.CampaignLaunchedEvent;
import org.campaignledger.query.projection.SqlBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code campaign_view}: one row per campaign, closed when its close is recorded. */
@Component
@ProcessingGroup(CampaignListProjection.NAME)
class CampaignListProjection {

    static final String NAME = "campaigns";

    private final JdbcTemplate jdbc;

    CampaignListProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CampaignLaunchedEvent event, @Timestamp Instant recordedAt) {
        SqlBatch.current(NAME, jdbc).add("INSERT INTO campaign_view (campaign_id, name, directive, start_date,"
                        + " duration_days, time_zone, launched_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (campaign_id) DO NOTHING",
                event.campaignId().value(), event.name(), event.directive(), Date.valueOf(event.startDate()),
                event.durationDays(), event.timeZone(), java.sql.Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(CampaignClosedEvent event, @Timestamp Instant recordedAt) {
        SqlBatch.current(NAME, jdbc).add("UPDATE campaign_view SET closed_on = ?, closed_recorded_at = ?"
                        + " WHERE campaign_id = ?",
                Date.valueOf(event.occurredOn()), java.sql.Timestamp.from(recordedAt), event.campaignId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE campaign_view");
    }
}
