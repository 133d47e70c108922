package org.campaignledger.query.unit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.query.FindUnitDetailQuery;
import org.campaignledger.api.query.FindUnitRankingQuery;
import org.campaignledger.api.query.ModelPracticeView;
import org.campaignledger.api.query.UnitDetailView;
import org.campaignledger.api.query.UnitRankingView;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.api.unit.Employment;
import org.campaignledger.api.unit.OfficerId;
import org.campaignledger.api.unit.PracticeId;
import org.campaignledger.api.unit.TeamId;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.query.progress.ProgressQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Puts a unit's page together: its figures today from the progress projection, its lists from this one. */
@Component
class UnitDetails {

    private final JdbcTemplate jdbc;
    private final ProgressQueries progress;

    UnitDetails(JdbcTemplate jdbc, ProgressQueries progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    UnitDetailView find(FindUnitDetailQuery query) {
        UnitDefinition unit = progress.unitDefinition(query.campaignId(), query.unitCode());
        UnitRankingView ranking = progress.ranking(new FindUnitRankingQuery(query.campaignId(), null, null));
        UnitRankingView.RankedUnit today = ranking.units().stream()
                .filter(ranked -> ranked.unitCode().equals(query.unitCode())).findFirst().orElseThrow();
        String campaign = query.campaignId().value();
        String code = query.unitCode().value();
        List<UnitDetailView.ItOfficer> officers = jdbc.query("SELECT o.officer_id, o.employment, o.assigned_on,"
                        + " o.released_on, d.full_name, e.person_id IS NOT NULL FROM unit_it_officer o"
                        + " LEFT JOIN personal_data d ON d.person_kind = 'IT_OFFICER' AND d.person_id = o.officer_id"
                        + " AND d.campaign_id = o.campaign_id AND d.unit_code = o.unit_code"
                        + " LEFT JOIN personal_data_erasure e ON e.person_kind = 'IT_OFFICER' AND e.person_id = o.officer_id"
                        + " WHERE o.campaign_id = ? AND o.unit_code = ? ORDER BY o.assigned_on, o.officer_id",
                (rs, n) -> new UnitDetailView.ItOfficer(new OfficerId(rs.getString(1)),
                        Employment.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getBoolean(6)), campaign, code);
        List<UnitDetailView.Team> teams = jdbc.query("SELECT team_id, kind, residential_group, member_count, formed_on"
                        + " FROM unit_team WHERE campaign_id = ? AND unit_code = ? ORDER BY formed_on, team_id",
                (rs, n) -> new UnitDetailView.Team(new TeamId(rs.getString(1)),
                        UnitDetailView.TeamKind.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, LocalDate.class)), campaign, code);
        List<UnitDetailView.SupportPoint> points = jdbc.query("SELECT point_id, location, opened_on, closed_on,"
                        + " sessions, elderly, disabled, poor_household, near_poor_household, other"
                        + " FROM support_point_view WHERE campaign_id = ? AND unit_code = ? ORDER BY opened_on, point_id",
                (rs, n) -> {
                    Map<PriorityGroup, Long> served = new EnumMap<>(PriorityGroup.class);
                    long total = 0;
                    for (PriorityGroup group : PriorityGroup.values()) {
                        long count = rs.getLong(6 + group.ordinal());
                        served.put(group, count);
                        total += count;
                    }
                    return new UnitDetailView.SupportPoint(new SupportPointId(rs.getString(1)), rs.getString(2),
                            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getLong(5), served,
                            total);
                }, campaign, code);
        List<ModelPracticeView> practices = jdbc.query("SELECT practice_id, title, description, nominated_on,"
                        + " recorded_at FROM model_practice_view WHERE campaign_id = ? AND unit_code = ?"
                        + " ORDER BY nominated_on, practice_id",
                (rs, n) -> new ModelPracticeView(query.unitCode(), new PracticeId(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, OffsetDateTime.class).toInstant()), campaign, code);
        return new UnitDetailView(query.campaignId(), new UnitCode(code), unit.name(), unit.kind(), unit.population(),
                unit.longitude(), unit.latitude(), ranking.asOf(), today.metrics(), today.targets(), officers, teams, points,
                practices);
    }
}
