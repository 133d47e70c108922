-- processing group "unit-details": the sequence number of the last support session a point's sums hold. A session
-- delivered again (a streaming processor delivers at least once; ProcessCrashIT saw one) has a number not above it
-- and is not added twice. Rebuilt from the log: the sums start over with the column.
TRUNCATE unit_it_officer, unit_team, support_point_view, model_practice_view;
DELETE FROM tokenentry WHERE processorname = 'unit-details';
ALTER TABLE support_point_view ADD COLUMN last_session_sequence BIGINT NOT NULL DEFAULT -1;
