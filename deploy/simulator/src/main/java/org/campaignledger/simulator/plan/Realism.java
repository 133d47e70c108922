package org.campaignledger.simulator.plan;

import java.util.List;

import org.campaignledger.api.campaign.CourseCode;

/**
 * The figures a simulated campaign is made of, each with where it comes from. At scale 1 they give
 * Hanoi's campaign as {@code shared/DOMAIN.md} ("Scale") and {@code shared/data/README.md} describe it:
 * about 15,000 staff and 100,000 team members trained, 8,000 community teams, 6,000 support points
 * and a million commands.
 */
final class Realism {

    /** Units without a population figure are planned as an average Hanoi unit (8.8 M / 126). */
    static final double DEFAULT_POPULATION = 70_000;
    /** Units differ beyond their population: every size is multiplied by a factor in 1 ± this. */
    static final double SIZE_NOISE = 0.15;
    /** Days of dates cached either side of the campaign (invalid dates before it, late reports after). */
    static final int DATE_MARGIN = 20;

    // --- training (R2, R3, R9)
    /** At most ~40 cadres and civil servants per unit, plus public employees by population: 15,000 in Hanoi. */
    static final double STAFF_PER_UNIT = 40;
    static final double STAFF_PER_PERSON = (15_000 - 126 * STAFF_PER_UNIT) / 8_811_473.0;
    static final double OFFICIAL_SHARE = 0.12;
    static final double CIVIL_SERVANT_SHARE = 0.23;
    /** Staff enrol early: most in the first days, mean 3 days after the start... */
    static final double EARLY_ENROLMENT_SHARE = 0.85;
    static final double ENROLMENT_MEAN_DAYS = 3;
    /** ...and complete along an S-curve: a logistic around this day with this spread (in days). */
    static final double STAFF_TRAINING_MEAN_DAY = 16;
    static final double TEAM_TRAINING_MEAN_DAY = 20;
    static final double LAGGING_TRAINING_MEAN_DAY = 40;
    static final double TRAINING_SPREAD_DAYS = 5;
    static final double OFFICER_TRAINING_MEAN_DAYS = 8;
    /** Share of weekend activity that stays on the weekend; the rest moves to Monday (the weekend dip). */
    static final double WEEKEND_ACTIVITY = 0.35;
    /** Chance, before each further course, that a person stops for the rest of the campaign. */
    static final double DROPOUT_PER_COURSE = 0.015;

    // --- community digital teams (R3, R4, R8)
    /** 7,968 villages and residential groups for 8.8 M people: one community team each. */
    static final double RESIDENTIAL_GROUPS_PER_PERSON = 7_968 / 8_811_473.0;
    /** 10 to 15 members per team (Bạch Mai: 15 per team; Tương Mai: 74 teams, ~500 volunteers). */
    static final int TEAM_MIN_MEMBERS = 10;
    static final int TEAM_MAX_MEMBERS = 15;
    static final double TEAM_FORMATION_MEAN_DAYS = 4;
    static final double LAGGING_TEAM_SHARE = 0.6;
    static final double ASSESSED_GROUP_SHARE = 0.95;

    // --- IT officers (R1)
    static final double OFFICER_LATE_SHARE = 0.06;
    static final double OFFICER_CONTRACTED_SHARE = 0.08;
    static final double SECOND_OFFICER_SHARE = 0.2;
    /** One or two of Hanoi's 126 units release their officer and assign another. */
    static final double OFFICER_REPLACED_SHARE = 0.015;

    // --- mobile support points (R5)
    /** ~6,000 points city-wide, "up to ~100 per ward" (Tây Hồ: 96 after 45 days). */
    static final double SUPPORT_POINTS_PER_PERSON = 6_000 / 8_811_473.0;
    static final double MAX_SUPPORT_POINTS_PER_UNIT = 100;
    static final double SUPPORT_POINT_CLOSED_SHARE = 0.08;
    /** Sessions a day per open point (morning and evening shifts; more people are free at weekends). */
    static final double SESSIONS_PER_WEEKDAY = 2.5;
    static final double SESSIONS_PER_WEEKEND_DAY = 2.9;
    static final double LAGGING_SESSION_FACTOR = 0.4;
    static final int MIN_PEOPLE_PER_SESSION = 1;
    static final int MAX_PEOPLE_PER_SESSION = 15;
    /** People served by priority group, in {@code PriorityGroup} order: weighted toward the elderly. */
    static final double[] PRIORITY_WEIGHTS = {0.38, 0.06, 0.07, 0.09, 0.40};

    // --- how units behave
    /** "A few units lagging badly": late officer, fewer teams and points, training centred after the end. */
    static final double LAGGING_UNIT_SHARE = 0.04;
    /** About 10% of facts reach the ledger 2 to 9 days after they happened; a quarter the next day. */
    static final double LATE_REPORT_SHARE = 0.09;
    static final int LATE_REPORT_MIN_DAYS = PlannedCommand.LATE_AFTER_DAYS;
    static final int LATE_REPORT_MAX_DAYS = 9;
    static final double NEXT_DAY_REPORT_SHARE = 0.25;
    /** Invalid submissions of each kind (8 kinds), as a share of all planned facts. */
    static final double INVALID_SHARE_PER_KIND = 0.0003;
    static final CourseCode UNKNOWN_COURSE = new CourseCode("BLOCKCHAIN_BASICS");
    static final double MODEL_PRACTICE_SHARE = 0.15;

    static final List<String> SERVICES = List.of(
            "VNeID level-2 activation", "National Public Service Portal account", "iHanoi app",
            "online administrative procedure", "cashless payment", "VssID social insurance app",
            "electronic health book", "digital signature");
    /** Some of the 97 universities and colleges Hanoi cites. */
    static final List<String> INSTITUTIONS = List.of(
            "Đại học Bách khoa Hà Nội", "Đại học Quốc gia Hà Nội", "Học viện Công nghệ Bưu chính Viễn thông",
            "Đại học Công nghiệp Hà Nội", "Học viện Kỹ thuật Mật mã", "Đại học Thủy lợi",
            "Đại học Giao thông Vận tải", "Đại học Mở Hà Nội", "Đại học Kinh tế Quốc dân", "Đại học Phenikaa",
            "Cao đẳng FPT Polytechnic", "Cao đẳng Công nghệ Bách khoa Hà Nội");
    static final List<String> OPERATORS = List.of("VNPT", "Viettel", "MobiFone", "FPT Telecom");
    static final List<String> SERVICE_POINTS = List.of(
            "Bộ phận một cửa", "Trung tâm phục vụ hành chính công", "Nhà văn hóa", "Điểm bưu điện văn hóa");
    static final List<String> PRACTICES = List.of(
            "Bình dân học vụ số tại tổ dân phố", "Tổ công nghệ số cộng đồng đồng hành cùng người cao tuổi",
            "Điểm hỗ trợ dịch vụ công lưu động cuối tuần", "Sinh viên tình nguyện hỗ trợ VNeID tại nhà");

    private Realism() {
    }
}
