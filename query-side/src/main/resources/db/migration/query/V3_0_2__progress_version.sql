-- The global index of the last event the progress projection applied to each campaign. Its state is a function
-- of the events up to that position, so (campaign, version) identifies it exactly, across rebuilds and nodes:
-- queries cache a campaign's running sums and reuse them while the version is unchanged.
ALTER TABLE progress_campaign ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
