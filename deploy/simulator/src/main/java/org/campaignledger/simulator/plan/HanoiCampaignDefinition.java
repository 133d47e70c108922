package org.campaignledger.simulator.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.campaign.Target;
import org.campaignledger.api.campaign.TargetMetric;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.training.ParticipantRole;

/**
 * Hanoi's campaign (Directive 11/CT-UBND, 24 July 2025, 45 days) as the command line launches it
 * over HTTP. The same data as command-side's {@code HanoiCampaign}, restated because the simulator
 * must run against a platform it does not link to; in-process callers pass their own definition.
 */
public final class HanoiCampaignDefinition {

    public static final CampaignId ID = new CampaignId("hanoi-2025");
    public static final LocalDate START = LocalDate.of(2025, 7, 24);
    public static final int DURATION_DAYS = 45;
    public static final String TIME_ZONE = "Asia/Ho_Chi_Minh";
    /** Villages and residential groups city-wide before the merger round: one community team each. */
    public static final int RESIDENTIAL_GROUPS = 7_968;

    private static final CourseCode ONETOUCH = new CourseCode("ONETOUCH_DIGITAL_SKILLS");
    private static final CourseCode POPULAR = new CourseCode("POPULAR_DIGITAL_EDUCATION");
    private static final CourseCode PRACTICAL = new CourseCode("PRACTICAL_TRAINING");
    private static final CourseCode PORTAL = new CourseCode("NATIONAL_PUBLIC_SERVICE_PORTAL");
    private static final CourseCode IHANOI = new CourseCode("IHANOI");
    private static final CourseCode AI = new CourseCode("AI_APPLICATIONS");

    private HanoiCampaignDefinition() {
    }

    public static LaunchCampaignCommand launchCommand() {
        return launchCommand(ID, START, DURATION_DAYS, UnitsCsv.hanoi());
    }

    /** Hanoi's courses and targets on other units or dates, e.g. a CSV of another province's units. */
    public static LaunchCampaignCommand launchCommand(CampaignId id, LocalDate start, int durationDays,
                                                      List<UnitDefinition> units) {
        Map<ParticipantRole, List<CourseCode>> required = new EnumMap<>(ParticipantRole.class);
        List<CourseCode> staffCourses = List.of(ONETOUCH, POPULAR, PRACTICAL);
        required.put(ParticipantRole.OFFICIAL, staffCourses);
        required.put(ParticipantRole.CIVIL_SERVANT, staffCourses);
        required.put(ParticipantRole.PUBLIC_EMPLOYEE, staffCourses);
        required.put(ParticipantRole.TEAM_MEMBER, List.of(PORTAL, IHANOI, AI));
        required.put(ParticipantRole.IT_OFFICER, List.of(ONETOUCH, AI));
        return new LaunchCampaignCommand(id,
                "Chiến dịch 45 ngày chuyển đổi số Hà Nội 2025",
                "Chỉ thị 11/CT-UBND",
                start, durationDays, TIME_ZONE,
                List.of(
                        new Target(TargetMetric.IT_OFFICER_COVERAGE, BigDecimal.valueOf(100)),
                        new Target(TargetMetric.OFFICIALS_TRAINED, BigDecimal.valueOf(100)),
                        new Target(TargetMetric.TEAM_MEMBERS_TRAINED, BigDecimal.valueOf(100)),
                        new Target(TargetMetric.RESCUE_TEAM_COVERAGE, BigDecimal.valueOf(100)),
                        new Target(TargetMetric.SUPPORT_POINT_COVERAGE, BigDecimal.valueOf(100)),
                        new Target(TargetMetric.COMMUNITY_TEAMS_FORMED, BigDecimal.valueOf(RESIDENTIAL_GROUPS))),
                List.of(ONETOUCH, POPULAR, PRACTICAL, PORTAL, IHANOI, AI),
                required,
                units);
    }
}
