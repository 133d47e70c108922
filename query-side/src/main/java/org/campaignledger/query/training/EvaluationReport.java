package org.campaignledger.query.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.query.EvaluationView;
import org.campaignledger.api.query.FindEvaluationQuery;
import org.campaignledger.api.training.ParticipantId;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.TeamId;
import org.campaignledger.platform.serialization.LedgerJson;
import org.campaignledger.query.progress.ProgressQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads {@code participant_progress} (kept by the progress projection) against the campaign's required courses. */
@Component
class EvaluationReport {

    private static final ObjectMapper JSON = LedgerJson.eventMapper();

    private final JdbcTemplate jdbc;
    private final ProgressQueries progress;

    EvaluationReport(JdbcTemplate jdbc, ProgressQueries progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    EvaluationView find(FindEvaluationQuery query) {
        progress.unitDefinition(query.campaignId(), query.unitCode());
        Map<ParticipantRole, List<CourseCode>> required = progress.requiredCourses(query.campaignId());
        List<EvaluationView.Participant> participants = jdbc.query("SELECT p.participant_id, p.role, p.team_id,"
                        + " p.enrolled_on, p.completions, p.trained_on, d.full_name, e.person_id IS NOT NULL"
                        + " FROM participant_progress p"
                        + " LEFT JOIN personal_data d ON d.person_kind = 'PARTICIPANT' AND d.person_id = p.participant_id"
                        + " AND d.campaign_id = p.campaign_id AND d.unit_code = p.unit_code"
                        + " LEFT JOIN personal_data_erasure e ON e.person_kind = 'PARTICIPANT'"
                        + " AND e.person_id = p.participant_id"
                        + " WHERE p.campaign_id = ? AND p.unit_code = ? ORDER BY p.participant_id",
                (rs, n) -> {
                    ParticipantRole role = ParticipantRole.valueOf(rs.getString(2));
                    Map<String, LocalDate> completions = completions(rs.getString(5));
                    List<EvaluationView.Completion> done = new ArrayList<>();
                    List<CourseCode> missing = new ArrayList<>();
                    for (CourseCode course : required.getOrDefault(role, List.of())) {
                        LocalDate completedOn = completions.get(course.value());
                        if (completedOn == null) {
                            missing.add(course);
                        } else {
                            done.add(new EvaluationView.Completion(course, completedOn));
                        }
                    }
                    String team = rs.getString(3);
                    LocalDate trainedOn = rs.getObject(6, LocalDate.class);
                    return new EvaluationView.Participant(new ParticipantId(rs.getString(1)), role,
                            team == null ? null : new TeamId(team), rs.getObject(4, LocalDate.class),
                            trainedOn != null, trainedOn, done, missing, rs.getString(7), rs.getBoolean(8));
                }, query.campaignId().value(), query.unitCode().value());
        return new EvaluationView(query.campaignId(), query.unitCode(), participants);
    }

    private static Map<String, LocalDate> completions(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, LocalDate>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
