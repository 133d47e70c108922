package org.campaignledger.command.throughput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.RecordSupportSessionCommand;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.command.TestCampaigns;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the group commit ITs do to one campaign: open support points in Ba Đình, record sessions at them, and read
 * a stream's sequence numbers back from the event table.
 */
final class SupportPointsOnTheLog {

    static final LocalDate DAY_3 = TestCampaigns.START.plusDays(2);
    static final UnitCode BA_DINH = new UnitCode("00004");

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private final CampaignId campaign;

    SupportPointsOnTheLog(CommandGateway gateway, JdbcTemplate jdbc, CampaignId campaign) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.campaign = campaign;
    }

    /** Opens {@code count} support points, one command at a time. */
    List<SupportPointId> open(int count) {
        List<SupportPointId> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SupportPointId point = new SupportPointId(campaign + "-sp" + i);
            gateway.sendAndWait(new OpenSupportPointCommand(point, campaign, BA_DINH, "Nhà văn hoá tổ " + i, DAY_3));
            points.add(point);
        }
        return points;
    }

    RecordSupportSessionCommand session(SupportPointId point, int elderly) {
        return new RecordSupportSessionCommand(point, campaign, Map.of(PriorityGroup.ELDERLY, elderly,
                PriorityGroup.POOR_HOUSEHOLD, 1), List.of("VNeID"), DAY_3);
    }

    List<Long> sequenceNumbers(String aggregate) {
        return jdbc.queryForList("select sequence_number from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", Long.class, aggregate);
    }
}
