package org.campaignledger.command;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CampaignLaunchedEvent;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.campaign.Target;
import org.campaignledger.api.campaign.TargetMetric;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.campaign.UnitKind;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.command.campaign.CampaignRules;
import org.campaignledger.command.campaign.Campaigns;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;

/**
 * A small campaign for tests: three units, a 45-day run starting 2025-07-24, and "today" fixed on
 * day 30 (2025-08-22) so that dates after it are in the future.
 */
public final class TestCampaigns implements Campaigns {

    public static final CampaignId CAMPAIGN = new CampaignId("test-campaign");
    public static final LocalDate START = LocalDate.of(2025, 7, 24);
    public static final LocalDate TODAY = START.plusDays(29);
    public static final UnitCode BA_DINH = new UnitCode("00004");
    public static final UnitCode NGOC_HA = new UnitCode("00008");
    public static final UnitCode SOC_SON = new UnitCode("08974");
    public static final CourseCode ONETOUCH = new CourseCode("ONETOUCH_DIGITAL_SKILLS");
    public static final CourseCode POPULAR = new CourseCode("POPULAR_DIGITAL_EDUCATION");
    public static final CourseCode IHANOI = new CourseCode("IHANOI");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-22T05:00:00Z"), ZoneOffset.UTC);

    private final Map<CampaignId, CampaignRules> rules = new HashMap<>();

    public TestCampaigns() {
        rules.put(CAMPAIGN, CampaignRules.of(launched(CAMPAIGN), null, CLOCK));
    }

    public TestCampaigns closedOn(LocalDate date) {
        rules.put(CAMPAIGN, CampaignRules.of(launched(CAMPAIGN), date, CLOCK));
        return this;
    }

    @Override
    public CampaignRules rulesFor(CampaignId campaignId) {
        CampaignRules found = rules.get(campaignId);
        if (found == null) {
            throw new RuleViolation(Rule.CAMPAIGN_NOT_FOUND, "No campaign " + campaignId);
        }
        return found;
    }

    public static LocalDate day(int day) {
        return START.plusDays(day - 1L);
    }

    public static LaunchCampaignCommand launch(CampaignId id) {
        return new LaunchCampaignCommand(id, "Test campaign", "Directive 11/CT-UBND", START, 45,
                "Asia/Ho_Chi_Minh",
                List.of(new Target(TargetMetric.IT_OFFICER_COVERAGE, BigDecimal.valueOf(100)),
                        new Target(TargetMetric.COMMUNITY_TEAMS_FORMED, BigDecimal.valueOf(10))),
                List.of(ONETOUCH, POPULAR, IHANOI),
                Map.of(ParticipantRole.OFFICIAL, List.of(ONETOUCH, POPULAR),
                        ParticipantRole.TEAM_MEMBER, List.of(IHANOI)),
                List.of(new UnitDefinition(BA_DINH, "Phường Ba Đình", UnitKind.WARD, 65023L, 105.838, 21.0386),
                        new UnitDefinition(NGOC_HA, "Phường Ngọc Hà", UnitKind.WARD, 93536L, 105.816, 21.0381),
                        new UnitDefinition(SOC_SON, "Xã Sóc Sơn", UnitKind.COMMUNE, 80000L, 105.85, 21.25)));
    }

    public static CampaignLaunchedEvent launched(CampaignId id) {
        LaunchCampaignCommand c = launch(id);
        return new CampaignLaunchedEvent(c.campaignId(), c.name(), c.directive(), c.startDate(), c.durationDays(),
                c.timeZone(), c.targets(), c.courses(), c.requiredCourses(), c.units());
    }
}
