-- processing group "progress": the changes of fact_change summed per campaign, recording hour (UTC), unit and
-- business day. "As known at T" sums whole hours on one side of T's hour and reads raw fact_change rows only
-- inside T's own hour, so its cost follows the campaign's hours rather than the whole log's changes.
-- Invariant: the hours of a campaign sum to its unit_day_delta rows.
CREATE TABLE fact_change_hour (
    campaign_id                       VARCHAR(64) NOT NULL,
    recorded_hour                     TIMESTAMPTZ NOT NULL,  -- recorded_at truncated to the hour, in UTC
    unit_code                         VARCHAR(64) NOT NULL,
    day                               SMALLINT    NOT NULL,
    it_officers_staff                 BIGINT NOT NULL DEFAULT 0,
    it_officers_contracted            BIGINT NOT NULL DEFAULT 0,
    staff_enrolled                    BIGINT NOT NULL DEFAULT 0,
    staff_trained                     BIGINT NOT NULL DEFAULT 0,
    team_members_enrolled             BIGINT NOT NULL DEFAULT 0,
    team_members_trained              BIGINT NOT NULL DEFAULT 0,
    it_officer_participants_enrolled  BIGINT NOT NULL DEFAULT 0,
    it_officer_participants_trained   BIGINT NOT NULL DEFAULT 0,
    community_teams                   BIGINT NOT NULL DEFAULT 0,
    community_team_members            BIGINT NOT NULL DEFAULT 0,
    rescue_teams                      BIGINT NOT NULL DEFAULT 0,
    support_points_open               BIGINT NOT NULL DEFAULT 0,
    support_sessions                  BIGINT NOT NULL DEFAULT 0,
    people_served_elderly             BIGINT NOT NULL DEFAULT 0,
    people_served_disabled            BIGINT NOT NULL DEFAULT 0,
    people_served_poor_household      BIGINT NOT NULL DEFAULT 0,
    people_served_near_poor_household BIGINT NOT NULL DEFAULT 0,
    people_served_other               BIGINT NOT NULL DEFAULT 0,
    connectivity_fixed_broadband      BIGINT NOT NULL DEFAULT 0,
    connectivity_five_g               BIGINT NOT NULL DEFAULT 0,
    student_volunteers                BIGINT NOT NULL DEFAULT 0,
    telecom_engineers                 BIGINT NOT NULL DEFAULT 0,
    residential_groups_assessed       BIGINT NOT NULL DEFAULT 0,
    model_practices                   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, recorded_hour, unit_code, day)
);

-- filled from the changes already projected, so no rebuild is needed
INSERT INTO fact_change_hour (campaign_id, recorded_hour, unit_code, day, it_officers_staff, it_officers_contracted, staff_enrolled, staff_trained, team_members_enrolled, team_members_trained, it_officer_participants_enrolled, it_officer_participants_trained, community_teams, community_team_members, rescue_teams, support_points_open, support_sessions, people_served_elderly, people_served_disabled, people_served_poor_household, people_served_near_poor_household, people_served_other, connectivity_fixed_broadband, connectivity_five_g, student_volunteers, telecom_engineers, residential_groups_assessed, model_practices)
SELECT campaign_id, date_trunc('hour', recorded_at, 'UTC'), unit_code, day, sum(it_officers_staff), sum(it_officers_contracted), sum(staff_enrolled), sum(staff_trained), sum(team_members_enrolled), sum(team_members_trained), sum(it_officer_participants_enrolled), sum(it_officer_participants_trained), sum(community_teams), sum(community_team_members), sum(rescue_teams), sum(support_points_open), sum(support_sessions), sum(people_served_elderly), sum(people_served_disabled), sum(people_served_poor_household), sum(people_served_near_poor_household), sum(people_served_other), sum(connectivity_fixed_broadband), sum(connectivity_five_g), sum(student_volunteers), sum(telecom_engineers), sum(residential_groups_assessed), sum(model_practices)
  FROM fact_change
 GROUP BY campaign_id, date_trunc('hour', recorded_at, 'UTC'), unit_code, day;
