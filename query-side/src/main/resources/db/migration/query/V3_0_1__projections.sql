-- Read models of the query side. Each table belongs to one processing group, which truncates it on reset.

-- processing group "campaigns": the campaign list
CREATE TABLE campaign_view (
    campaign_id         VARCHAR(64)  PRIMARY KEY,
    name                TEXT         NOT NULL,
    directive           TEXT,
    start_date          DATE         NOT NULL,
    duration_days       INTEGER      NOT NULL,
    time_zone           VARCHAR(64)  NOT NULL,
    launched_at         TIMESTAMPTZ  NOT NULL,
    closed_on           DATE,
    closed_recorded_at  TIMESTAMPTZ
);

-- processing group "progress": the campaign definition it computes day numbers and targets from ...
CREATE TABLE progress_campaign (
    campaign_id         VARCHAR(64)  PRIMARY KEY,
    start_date          DATE         NOT NULL,
    duration_days       INTEGER      NOT NULL,
    definition          TEXT         NOT NULL,  -- the CampaignLaunchedEvent payload as JSON
    closed_on           DATE,
    closed_recorded_at  TIMESTAMPTZ
);

-- ... known-now deltas per unit and campaign day (day 1 = start date); prefix sums give any date ...
CREATE TABLE unit_day_delta (
    campaign_id                      VARCHAR(64) NOT NULL,
    unit_code                        VARCHAR(64) NOT NULL,
    day                              SMALLINT    NOT NULL,
    it_officers_staff                BIGINT NOT NULL DEFAULT 0,
    it_officers_contracted           BIGINT NOT NULL DEFAULT 0,
    staff_enrolled                   BIGINT NOT NULL DEFAULT 0,
    staff_trained                    BIGINT NOT NULL DEFAULT 0,
    team_members_enrolled            BIGINT NOT NULL DEFAULT 0,
    team_members_trained             BIGINT NOT NULL DEFAULT 0,
    it_officer_participants_enrolled BIGINT NOT NULL DEFAULT 0,
    it_officer_participants_trained  BIGINT NOT NULL DEFAULT 0,
    community_teams                  BIGINT NOT NULL DEFAULT 0,
    community_team_members           BIGINT NOT NULL DEFAULT 0,
    rescue_teams                     BIGINT NOT NULL DEFAULT 0,
    support_points_open              BIGINT NOT NULL DEFAULT 0,
    support_sessions                 BIGINT NOT NULL DEFAULT 0,
    people_served_elderly            BIGINT NOT NULL DEFAULT 0,
    people_served_disabled           BIGINT NOT NULL DEFAULT 0,
    people_served_poor_household     BIGINT NOT NULL DEFAULT 0,
    people_served_near_poor_household BIGINT NOT NULL DEFAULT 0,
    people_served_other              BIGINT NOT NULL DEFAULT 0,
    connectivity_fixed_broadband     BIGINT NOT NULL DEFAULT 0,
    connectivity_five_g              BIGINT NOT NULL DEFAULT 0,
    student_volunteers               BIGINT NOT NULL DEFAULT 0,
    telecom_engineers                BIGINT NOT NULL DEFAULT 0,
    residential_groups_assessed      BIGINT NOT NULL DEFAULT 0,
    model_practices                  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, unit_code, day)
);

-- ... and every change with the instant it became known, for "as known at T" (current minus later changes).
CREATE TABLE fact_change (
    campaign_id                      VARCHAR(64) NOT NULL,
    global_index                     BIGINT      NOT NULL,
    unit_code                        VARCHAR(64) NOT NULL,
    day                              SMALLINT    NOT NULL,
    recorded_at                      TIMESTAMPTZ NOT NULL,
    it_officers_staff                INTEGER NOT NULL DEFAULT 0,
    it_officers_contracted           INTEGER NOT NULL DEFAULT 0,
    staff_enrolled                   INTEGER NOT NULL DEFAULT 0,
    staff_trained                    INTEGER NOT NULL DEFAULT 0,
    team_members_enrolled            INTEGER NOT NULL DEFAULT 0,
    team_members_trained             INTEGER NOT NULL DEFAULT 0,
    it_officer_participants_enrolled INTEGER NOT NULL DEFAULT 0,
    it_officer_participants_trained  INTEGER NOT NULL DEFAULT 0,
    community_teams                  INTEGER NOT NULL DEFAULT 0,
    community_team_members           INTEGER NOT NULL DEFAULT 0,
    rescue_teams                     INTEGER NOT NULL DEFAULT 0,
    support_points_open              INTEGER NOT NULL DEFAULT 0,
    support_sessions                 INTEGER NOT NULL DEFAULT 0,
    people_served_elderly            INTEGER NOT NULL DEFAULT 0,
    people_served_disabled           INTEGER NOT NULL DEFAULT 0,
    people_served_poor_household     INTEGER NOT NULL DEFAULT 0,
    people_served_near_poor_household INTEGER NOT NULL DEFAULT 0,
    people_served_other              INTEGER NOT NULL DEFAULT 0,
    connectivity_fixed_broadband     INTEGER NOT NULL DEFAULT 0,
    connectivity_five_g              INTEGER NOT NULL DEFAULT 0,
    student_volunteers               INTEGER NOT NULL DEFAULT 0,
    telecom_engineers                INTEGER NOT NULL DEFAULT 0,
    residential_groups_assessed      INTEGER NOT NULL DEFAULT 0,
    model_practices                  INTEGER NOT NULL DEFAULT 0,
    -- one event may change two days: an enrolment that completes a participant's training
    PRIMARY KEY (campaign_id, global_index, day)
);
CREATE INDEX fact_change_known_at ON fact_change (campaign_id, recorded_at);

-- ... and each participant's completed courses, to know when they become trained (also the R9 report).
CREATE TABLE participant_progress (
    campaign_id     VARCHAR(64) NOT NULL,
    participant_id  VARCHAR(64) NOT NULL,
    unit_code       VARCHAR(64) NOT NULL,
    role            VARCHAR(32) NOT NULL,
    team_id         VARCHAR(64),
    enrolled_on     DATE,
    completions     TEXT        NOT NULL DEFAULT '{}',  -- JSON object: course code -> completion date
    trained_on      DATE,
    PRIMARY KEY (campaign_id, participant_id)
);
CREATE INDEX participant_progress_unit ON participant_progress (campaign_id, unit_code);

-- processing group "unit-details": what a unit's page lists
CREATE TABLE unit_it_officer (
    campaign_id  VARCHAR(64) NOT NULL,
    unit_code    VARCHAR(64) NOT NULL,
    officer_id   VARCHAR(64) NOT NULL,
    employment   VARCHAR(16) NOT NULL,
    assigned_on  DATE        NOT NULL,
    released_on  DATE,
    PRIMARY KEY (campaign_id, unit_code, officer_id, assigned_on)
);

CREATE TABLE unit_team (
    campaign_id       VARCHAR(64) NOT NULL,
    unit_code         VARCHAR(64) NOT NULL,
    team_id           VARCHAR(64) NOT NULL,
    kind              VARCHAR(32) NOT NULL,
    residential_group TEXT,
    member_count      INTEGER     NOT NULL,
    formed_on         DATE        NOT NULL,
    PRIMARY KEY (campaign_id, unit_code, team_id)
);

CREATE TABLE support_point_view (
    campaign_id     VARCHAR(64) NOT NULL,
    point_id        VARCHAR(64) NOT NULL,
    unit_code       VARCHAR(64) NOT NULL,
    location        TEXT,
    opened_on       DATE        NOT NULL,
    closed_on       DATE,
    sessions        BIGINT      NOT NULL DEFAULT 0,
    elderly         BIGINT      NOT NULL DEFAULT 0,
    disabled        BIGINT      NOT NULL DEFAULT 0,
    poor_household  BIGINT      NOT NULL DEFAULT 0,
    near_poor_household BIGINT  NOT NULL DEFAULT 0,
    other           BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, point_id)
);
CREATE INDEX support_point_view_unit ON support_point_view (campaign_id, unit_code);

CREATE TABLE model_practice_view (
    campaign_id   VARCHAR(64) NOT NULL,
    practice_id   VARCHAR(64) NOT NULL,
    unit_code     VARCHAR(64) NOT NULL,
    title         TEXT,
    description   TEXT,
    nominated_on  DATE        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (campaign_id, practice_id)
);
