-- A change row is keyed by its event's identifier: an event that fills a gap in the global index reaches
-- the processor with a token whose position is the highest index seen, so positions are not unique per event.
-- The version of a campaign's progress comes from a sequence, so it changes with every batch that touches it,
-- gap fills included, and never repeats (not even across rebuilds).
-- Rows written under the old key may have collided: the progress projection is rebuilt from the log.
TRUNCATE progress_campaign, unit_day_delta, fact_change, participant_progress;
DELETE FROM tokenentry WHERE processorname = 'progress';
ALTER TABLE fact_change DROP CONSTRAINT fact_change_pkey;
ALTER TABLE fact_change DROP COLUMN global_index;
ALTER TABLE fact_change ADD COLUMN event_id VARCHAR(255) NOT NULL;
ALTER TABLE fact_change ADD PRIMARY KEY (campaign_id, event_id, day);
CREATE SEQUENCE progress_version;
