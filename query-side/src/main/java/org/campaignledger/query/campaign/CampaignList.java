package org.campaignledger.query.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.query.CampaignView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the campaign list; today's campaign day is computed at query time in each campaign's time zone. */
@Component
class CampaignList {

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    CampaignList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<CampaignView> all() {
        return jdbc.query("SELECT campaign_id, name, directive, start_date, duration_days, time_zone, closed_on,"
                + " closed_recorded_at FROM campaign_view ORDER BY start_date DESC, campaign_id", (rs, n) -> {
                    LocalDate start = rs.getObject(4, LocalDate.class);
                    int duration = rs.getInt(5);
                    String zone = rs.getString(6);
                    LocalDate closedOn = rs.getObject(7, LocalDate.class);
                    OffsetDateTime closedAt = rs.getObject(8, OffsetDateTime.class);
                    int today = (int) ChronoUnit.DAYS.between(start, LocalDate.now(clock.withZone(ZoneId.of(zone)))) + 1;
                    return new CampaignView(new CampaignId(rs.getString(1)), rs.getString(2), rs.getString(3), start,
                            start.plusDays(duration - 1L), duration, zone, today,
                            closedOn == null ? CampaignView.Status.RUNNING : CampaignView.Status.CLOSED, closedOn,
                            closedAt == null ? null : closedAt.toInstant());
                });
    }
}
