package org.campaignledger.command.campaign;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.campaign.Target;
import org.campaignledger.api.campaign.TargetMetric;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.campaign.UnitKind;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.UnitCode;

/**
 * Hanoi's 45-day campaign under Directive 11/CT-UBND (signed 24 July 2025): the default data set.
 * Everything here is data that another province would replace, not rules.
 */
public final class HanoiCampaign {

    public static final CampaignId ID = new CampaignId("hanoi-2025");
    public static final LocalDate START = LocalDate.of(2025, 7, 24);
    public static final int DURATION_DAYS = 45;
    public static final String TIME_ZONE = "Asia/Ho_Chi_Minh";
    private static final String UNITS = "/campaigns/hanoi-2025/units.csv";

    /** Villages and residential groups city-wide before the merger round (one community team each). */
    static final int RESIDENTIAL_GROUPS = 7_968;

    private static final CourseCode ONETOUCH = new CourseCode("ONETOUCH_DIGITAL_SKILLS");
    private static final CourseCode POPULAR = new CourseCode("POPULAR_DIGITAL_EDUCATION");
    private static final CourseCode PRACTICAL = new CourseCode("PRACTICAL_TRAINING");
    private static final CourseCode PORTAL = new CourseCode("NATIONAL_PUBLIC_SERVICE_PORTAL");
    private static final CourseCode IHANOI = new CourseCode("IHANOI");
    private static final CourseCode AI = new CourseCode("AI_APPLICATIONS");

    private HanoiCampaign() {
    }

    public static LaunchCampaignCommand launchCommand() {
        Map<ParticipantRole, List<CourseCode>> required = new EnumMap<>(ParticipantRole.class);
        List<CourseCode> staffCourses = List.of(ONETOUCH, POPULAR, PRACTICAL);
        required.put(ParticipantRole.OFFICIAL, staffCourses);
        required.put(ParticipantRole.CIVIL_SERVANT, staffCourses);
        required.put(ParticipantRole.PUBLIC_EMPLOYEE, staffCourses);
        required.put(ParticipantRole.TEAM_MEMBER, List.of(PORTAL, IHANOI, AI));
        required.put(ParticipantRole.IT_OFFICER, List.of(ONETOUCH, AI));
        return new LaunchCampaignCommand(ID,
                "Chiến dịch 45 ngày chuyển đổi số Hà Nội 2025",
                "Chỉ thị 11/CT-UBND",
                START, DURATION_DAYS, TIME_ZONE,
                List.of(
                        new Target(TargetMetric.IT_OFFICER_COVERAGE, BigDecimal.valueOf(100)),
                        new Target(TargetMetric.OFFICIALS_TRAINED, BigDecimal.valueOf(100)),
                        new Target(TargetMetric.TEAM_MEMBERS_TRAINED, BigDecimal.valueOf(100)),
                        new Target(TargetMetric.RESCUE_TEAM_COVERAGE, BigDecimal.valueOf(100)),
                        new Target(TargetMetric.SUPPORT_POINT_COVERAGE, BigDecimal.valueOf(100)),
                        new Target(TargetMetric.COMMUNITY_TEAMS_FORMED, BigDecimal.valueOf(RESIDENTIAL_GROUPS))),
                List.of(ONETOUCH, POPULAR, PRACTICAL, PORTAL, IHANOI, AI),
                required,
                units());
    }

    public static List<UnitDefinition> units() {
        try (Reader reader = new InputStreamReader(HanoiCampaign.class.getResourceAsStream(UNITS),
                StandardCharsets.UTF_8)) {
            List<UnitDefinition> units = new ArrayList<>();
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                units.add(new UnitDefinition(new UnitCode(row.get("code")), row.get("name"),
                        UnitKind.valueOf(row.get("kind").toUpperCase(Locale.ROOT)),
                        Long.parseLong(row.get("population")),
                        Double.parseDouble(row.get("lon")), Double.parseDouble(row.get("lat"))));
            }
            return List.copyOf(units);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + UNITS, e);
        }
    }
}
