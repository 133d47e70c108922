-- Two roles for a production ledger (docs/TAMPER-EVIDENCE.md, "Database roles"):
--   campaign_ledger_owner  owns the schema and its tables; only Flyway connects as it (spring.flyway.user);
--   campaign_ledger_app    what the applications connect as: everything on the other tables, but on the event log
--                          only SELECT and INSERT. It cannot UPDATE, DELETE or TRUNCATE an event.
--
-- Run as a superuser (or a role with CREATEROLE that can grant for the owner), in the ledger's database, with
-- search_path set to the ledger's schema, which the owner must own:
--   psql -v ON_ERROR_STOP=1 -d ledger -c 'CREATE SCHEMA IF NOT EXISTS ledger AUTHORIZATION campaign_ledger_owner'
--   PGOPTIONS='-c search_path=ledger' psql -v ON_ERROR_STOP=1 -d ledger -f deploy/sql/app-role.sql
-- Then give both roles passwords (ALTER ROLE ... PASSWORD) and start the applications with
--   SPRING_DATASOURCE_USERNAME=campaign_ledger_app  SPRING_FLYWAY_USER=campaign_ledger_owner (+ passwords)
-- It can run before the first migration and again after any: it is idempotent. Migration V1_0_5 also revokes
-- UPDATE, DELETE and TRUNCATE on the event log from everyone but the owner, whichever order things happen in.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'campaign_ledger_owner') THEN
        CREATE ROLE campaign_ledger_owner LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'campaign_ledger_app') THEN
        CREATE ROLE campaign_ledger_app LOGIN;
    END IF;
END $$;

DO $$
DECLARE
    ledger NAME := current_schema();
BEGIN
    IF ledger IS NULL THEN
        RAISE EXCEPTION 'set search_path to the ledger''s schema first';
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO campaign_ledger_app', ledger);
    -- tables and sequences the owner creates from now on (each module's Flyway migrations) are the app's to use...
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE campaign_ledger_owner IN SCHEMA %I'
        || ' GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO campaign_ledger_app', ledger);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE campaign_ledger_owner IN SCHEMA %I'
        || ' GRANT USAGE, SELECT ON SEQUENCES TO campaign_ledger_app', ledger);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA %I TO campaign_ledger_app',
        ledger);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO campaign_ledger_app', ledger);
    -- ...except the event log: read and append, never rewrite
    IF to_regclass(format('%I.domain_event_entry', ledger)) IS NOT NULL THEN
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I.domain_event_entry FROM campaign_ledger_app', ledger);
        EXECUTE format('GRANT SELECT, INSERT ON %I.domain_event_entry TO campaign_ledger_app', ledger);
    END IF;
    -- Flyway's own history is the owner's alone
    IF to_regclass(format('%I.flyway_schema_history', ledger)) IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON %I.flyway_schema_history FROM campaign_ledger_app', ledger);
        EXECUTE format('GRANT SELECT ON %I.flyway_schema_history TO campaign_ledger_app', ledger);
    END IF;
END $$;
