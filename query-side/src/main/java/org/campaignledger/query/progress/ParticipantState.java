package org.campaignledger.query.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.platform.serialization.LedgerJson;

/** One participant's training: enrolment, completed courses with their dates, and when they became trained. */
final class ParticipantState {

    private static final ObjectMapper JSON = LedgerJson.eventMapper();

    final String campaignId;
    final String participantId;
    String unitCode;
    ParticipantRole role;
    String teamId;
    LocalDate enrolledOn;
    final TreeMap<String, LocalDate> completions;
    LocalDate trainedOn;

    ParticipantState(String campaignId, String participantId, String unitCode, ParticipantRole role, String teamId,
                     LocalDate enrolledOn, TreeMap<String, LocalDate> completions, LocalDate trainedOn) {
        this.campaignId = campaignId;
        this.participantId = participantId;
        this.unitCode = unitCode;
        this.role = role;
        this.teamId = teamId;
        this.enrolledOn = enrolledOn;
        this.completions = completions;
        this.trainedOn = trainedOn;
    }

    /** A copy to change without changing this one. */
    ParticipantState copy() {
        return new ParticipantState(campaignId, participantId, unitCode, role, teamId, enrolledOn,
                new TreeMap<>(completions), trainedOn);
    }

    /**
     * Marks the participant trained if every course their role requires is now completed, and returns the
     * business date they became trained: the latest required completion (never before their enrolment).
     * Returns null when nothing changed. Courses cannot be un-completed, so this happens at most once.
     */
    LocalDate becomeTrainedIfComplete(List<CourseCode> required) {
        if (trainedOn != null || enrolledOn == null) {
            return null;
        }
        LocalDate latest = enrolledOn;
        for (CourseCode course : required) {
            LocalDate completed = completions.get(course.value());
            if (completed == null) {
                return null;
            }
            if (completed.isAfter(latest)) {
                latest = completed;
            }
        }
        trainedOn = latest;
        return latest;
    }

    /**
     * The completions as a JSON object, course code to ISO date, in course order: what Jackson writes for the
     * map (tested equal), without going through Jackson for every participant a batch writes.
     */
    String completionsJson() {
        StringBuilder json = new StringBuilder(2 + 24 * completions.size()).append('{');
        completions.forEach((course, completedOn) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, course).append(':').append('"').append(completedOn).append('"');
        });
        return json.append('}').toString();
    }

    /** A JSON string as Jackson escapes it: quote, backslash and control characters only. */
    private static StringBuilder quote(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04X", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    static TreeMap<String, LocalDate> completionsFrom(String json) {
        try {
            return new TreeMap<>(JSON.readValue(json, new TypeReference<Map<String, LocalDate>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable completions: " + json, e);
        }
    }
}
