-- The tamper-evident chain (docs/TAMPER-EVIDENCE.md). Every event row carries
--   identity_digest  = sha256('campaign-ledger/event/v1' || f(event_identifier) || f(type) || f(aggregate_identifier)
--                             || int8(sequence_number) || f(payload_type) || f(payload_revision) || f(campaign_id)
--                             || f(unit_code) || f(int4(occurred_on - 1970-01-01)))
--   payload_digest   = sha256(payload)
--   meta_data_digest = sha256(coalesce(meta_data, ''))
--   previous_hash    = chain_hash of (aggregate, sequence - 1), or 32 zero bytes for sequence 0
--   chain_hash       = sha256(previous_hash || int8(recorded_at in microseconds since 1970) || identity_digest
--                             || payload_digest || meta_data_digest)
-- where f(x) is int4(-1) for NULL, else int4(byte length) || the UTF-8 bytes, and int4/int8 are big-endian.
-- The database computes them in a BEFORE INSERT trigger: it alone knows recorded_at (its own clock) at insert time,
-- and every writer is chained, in the append's own statement and transaction. The verifier
-- (org.campaignledger.platform.chain) recomputes all of it independently, in Java.

-- Leaves of a seal's Merkle tree are taken in aggregate order: byte order, whatever the server's locale.
ALTER TABLE domain_event_entry ALTER COLUMN aggregate_identifier TYPE VARCHAR(255) COLLATE "C";

ALTER TABLE domain_event_entry
    ADD COLUMN identity_digest  BYTEA,
    ADD COLUMN payload_digest   BYTEA,
    ADD COLUMN meta_data_digest BYTEA,
    ADD COLUMN previous_hash    BYTEA,
    ADD COLUMN chain_hash       BYTEA;

CREATE FUNCTION ledger_field(value BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN value IS NULL THEN int4send(-1) ELSE int4send(length(value)) || value END $$;

CREATE FUNCTION ledger_text(value TEXT) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ledger_field(convert_to(value, 'UTF8')) $$;

CREATE FUNCTION ledger_identity_digest(event domain_event_entry) RETURNS BYTEA
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT sha256(convert_to('campaign-ledger/event/v1', 'UTF8')
        || ledger_text(event.event_identifier) || ledger_text(event.type) || ledger_text(event.aggregate_identifier)
        || int8send(event.sequence_number) || ledger_text(event.payload_type) || ledger_text(event.payload_revision)
        || ledger_text(event.campaign_id) || ledger_text(event.unit_code)
        || ledger_field(int4send(event.occurred_on - DATE '1970-01-01'))) $$;

CREATE FUNCTION ledger_chain_hash(previous_hash BYTEA, recorded_at TIMESTAMPTZ, identity_digest BYTEA,
                                  payload_digest BYTEA, meta_data_digest BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT sha256(previous_hash || int8send((extract(epoch FROM recorded_at) * 1000000)::BIGINT)
        || identity_digest || payload_digest || meta_data_digest) $$;

-- Fills the chain columns of a row about to be inserted; whatever a writer put in them is replaced.
CREATE FUNCTION ledger_chain_event() RETURNS TRIGGER
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.sequence_number = 0 THEN
        NEW.previous_hash := decode(repeat('00', 32), 'hex');
    ELSE
        SELECT chain_hash INTO NEW.previous_hash FROM domain_event_entry
         WHERE aggregate_identifier = NEW.aggregate_identifier AND sequence_number = NEW.sequence_number - 1;
        IF NEW.previous_hash IS NULL THEN
            RAISE EXCEPTION 'event % of aggregate % has no predecessor in the log: a broken chain is not extended',
                NEW.sequence_number, NEW.aggregate_identifier USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    NEW.identity_digest := ledger_identity_digest(NEW);
    NEW.payload_digest := sha256(NEW.payload);
    NEW.meta_data_digest := sha256(coalesce(NEW.meta_data, ''::BYTEA));
    NEW.chain_hash := ledger_chain_hash(NEW.previous_hash, NEW.recorded_at, NEW.identity_digest,
                                        NEW.payload_digest, NEW.meta_data_digest);
    RETURN NEW;
END $$;

-- Rows recorded before this migration are chained here, in each aggregate's order, with their own recorded_at.
DO $$
DECLARE
    event domain_event_entry;
    previous BYTEA;
    last_aggregate VARCHAR;
BEGIN
    FOR event IN SELECT * FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number LOOP
        IF event.aggregate_identifier IS DISTINCT FROM last_aggregate OR event.sequence_number = 0 THEN
            previous := decode(repeat('00', 32), 'hex');
        END IF;
        event.previous_hash := previous;
        event.identity_digest := ledger_identity_digest(event);
        event.payload_digest := sha256(event.payload);
        event.meta_data_digest := sha256(coalesce(event.meta_data, ''::BYTEA));
        event.chain_hash := ledger_chain_hash(event.previous_hash, event.recorded_at, event.identity_digest,
                                              event.payload_digest, event.meta_data_digest);
        UPDATE domain_event_entry
           SET previous_hash = event.previous_hash, identity_digest = event.identity_digest,
               payload_digest = event.payload_digest, meta_data_digest = event.meta_data_digest,
               chain_hash = event.chain_hash
         WHERE global_index = event.global_index;
        previous := event.chain_hash;
        last_aggregate := event.aggregate_identifier;
    END LOOP;
END $$;

ALTER TABLE domain_event_entry
    ALTER COLUMN identity_digest SET NOT NULL,
    ALTER COLUMN payload_digest SET NOT NULL,
    ALTER COLUMN meta_data_digest SET NOT NULL,
    ALTER COLUMN previous_hash SET NOT NULL,
    ALTER COLUMN chain_hash SET NOT NULL;

CREATE TRIGGER domain_event_entry_chain BEFORE INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_chain_event();

-- The log is append-only. Privileges say so for the application's role (deploy/sql/app-role.sql); this trigger
-- says so to every role, the owner included, unless the session states the intent to rewrite history:
--   SET LOCAL campaign_ledger.rewrite_history = 'on';
-- (what the tamper tests do, and what an owner repairing a restored copy would have to do, knowingly).
CREATE FUNCTION ledger_refuse_rewrite() RETURNS TRIGGER
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF coalesce(current_setting('campaign_ledger.rewrite_history', true), '') <> 'on' THEN
        RAISE EXCEPTION '% on domain_event_entry refused: the event log is append-only', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER domain_event_entry_append_only BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_rewrite();
CREATE TRIGGER domain_event_entry_no_truncate BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_rewrite();

-- A seal covers every event with global_index <= H. So that no event below H can commit after the seal read the
-- log, the sealer holds this lock while it reads and appends: it waits for appends in flight and holds new ones
-- back for the moment the seal takes. LOCK in this mode needs UPDATE/DELETE privileges, which the application's
-- role must not have, so the owner lends it through this function (SECURITY DEFINER), and nothing else.
CREATE FUNCTION ledger_seal_lock() RETURNS VOID
    LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT
    AS $$ LOCK TABLE domain_event_entry IN SHARE ROW EXCLUSIVE MODE $$;

-- Whoever was granted the right to rewrite events before (e.g. by default privileges when the table was created)
-- loses it here; only the owner keeps it, behind the trigger above. deploy/sql/app-role.sql sets up the roles.
DO $$
DECLARE
    grantee_name NAME;
BEGIN
    FOR grantee_name IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
                         WHERE table_schema = current_schema() AND table_name = 'domain_event_entry'
                           AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
                           AND grantee NOT IN (current_user, 'PUBLIC')
                           AND grantee <> (SELECT tableowner FROM pg_tables
                                            WHERE schemaname = current_schema() AND tablename = 'domain_event_entry')
    LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM %I', grantee_name);
    END LOOP;
    REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM PUBLIC;
END $$;
