package org.campaignledger.query.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.campaignledger.api.campaign.CampaignLaunchedEvent;
import org.campaignledger.platform.serialization.LedgerJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The progress projection's own copy of each campaign's definition ({@code progress_campaign}), cached:
 * a definition never changes once launched, so only the closing columns are read again.
 */
@Component
class CampaignDefinitions {

    /** Closing, as recorded in the log: the business date and the instant the close became known. */
    record Closing(LocalDate closedOn, Instant recordedAt) {
    }

    private static final ObjectMapper JSON = LedgerJson.eventMapper();

    private final JdbcTemplate jdbc;
    private final Map<String, CampaignDefinition> cache = new ConcurrentHashMap<>();

    CampaignDefinitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CampaignDefinition> find(String campaignId) {
        CampaignDefinition cached = cache.get(campaignId);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<String> rows = jdbc.queryForList(
                "SELECT definition FROM progress_campaign WHERE campaign_id = ?", String.class, campaignId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        CampaignDefinition definition = new CampaignDefinition(read(rows.get(0)));
        cache.put(campaignId, definition);
        return Optional.of(definition);
    }

    Optional<Closing> closing(String campaignId) {
        return jdbc.query("SELECT closed_on, closed_recorded_at FROM progress_campaign WHERE campaign_id = ?"
                        + " AND closed_on IS NOT NULL",
                (rs, n) -> new Closing(rs.getObject(1, LocalDate.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant()), campaignId).stream().findFirst();
    }

    /** Called by the projection for a launch in the batch being written. */
    void remember(CampaignDefinition definition) {
        cache.put(definition.id(), definition);
    }

    void forgetAll() {
        cache.clear();
    }

    static String write(CampaignLaunchedEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CampaignLaunchedEvent read(String json) {
        try {
            return JSON.readValue(json, CampaignLaunchedEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable campaign definition", e);
        }
    }

    static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
