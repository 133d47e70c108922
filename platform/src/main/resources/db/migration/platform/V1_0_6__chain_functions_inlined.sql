-- The chain's helper functions were declared IMMUTABLE in V1_0_5, but they call convert_to and extract(epoch ...),
-- which PostgreSQL classes as STABLE; a SQL function more volatile inside than declared is never inlined, so each
-- call ran as a function call of its own: about twice the trigger's cost per appended event (measured with
-- deploy/bench/chain-cost.sh, docs/PERFORMANCE.md). Declared STABLE they are inlined. Same formulas, same hashes.
CREATE OR REPLACE FUNCTION ledger_text(value TEXT) RETURNS BYTEA
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT ledger_field(convert_to(value, 'UTF8')) $$;

CREATE OR REPLACE FUNCTION ledger_chain_hash(previous_hash BYTEA, recorded_at TIMESTAMPTZ, identity_digest BYTEA,
                                             payload_digest BYTEA, meta_data_digest BYTEA) RETURNS BYTEA
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT sha256(previous_hash || int8send((extract(epoch FROM recorded_at) * 1000000)::BIGINT)
        || identity_digest || payload_digest || meta_data_digest) $$;
