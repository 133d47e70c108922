-- The personal-data store (#6): names and contact details of the people the event log refers to by id.
-- Kept outside the log so that a person can be forgotten (Decree 13/2023/ND-CP) while the log, its counts
-- and its hash chain stay untouched. See docs/PRIVACY.md.
CREATE TABLE personal_data (
    person_kind  text        NOT NULL,  -- PARTICIPANT | IT_OFFICER
    person_id    text        NOT NULL,
    campaign_id  text        NOT NULL,
    unit_code    text        NOT NULL,  -- the unit whose officer recorded it (and may change it)
    full_name    text        NOT NULL,
    contact      text,
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (person_kind, person_id, campaign_id, unit_code)
);

-- Who was forgotten, when, at whose request: no personal data, only the id the log already holds.
CREATE TABLE personal_data_erasure (
    person_kind text        NOT NULL,
    person_id   text        NOT NULL,
    erased_by   text        NOT NULL,
    erased_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (person_kind, person_id)
);
