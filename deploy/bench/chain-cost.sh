#!/usr/bin/env bash
# What the tamper-evident chain's trigger costs the database per appended event (docs/PERFORMANCE.md).
# Usage: deploy/bench/chain-cost.sh DATABASE [EVENTS] [ROUNDS]   (psql must reach it: PGHOST, PGUSER, ...)
# In two fresh schemas of DATABASE it creates the event table as before the chain (V1_0_1) and with it
# (V1_0_1 + V1_0_5 + V1_0_6), then appends the same EVENTS events (10 per aggregate, event-sized payload and metadata)
# to each, alternately, ROUNDS times, and prints the milliseconds of each append. It drops both schemas.
set -euo pipefail
db=${1:?database}; events=${2:-20000}; rounds=${3:-3}
here=$(cd "$(dirname "$0")/../.." && pwd)
migrations=$here/platform/src/main/resources/db/migration/platform
psql_in() { PGOPTIONS="-c search_path=$1 -c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$db" "${@:2}"; }

PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'DROP SCHEMA IF EXISTS chain_cost_plain, chain_cost_chained CASCADE' \
    -c 'CREATE SCHEMA chain_cost_plain' -c 'CREATE SCHEMA chain_cost_chained'
psql_in chain_cost_plain -f "$migrations/V1_0_1__event_store.sql"
psql_in chain_cost_chained -f "$migrations/V1_0_1__event_store.sql" -f "$migrations/V1_0_5__tamper_evident_chain.sql" \
    -f "$migrations/V1_0_6__chain_functions_inlined.sql"

append() { echo "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, payload_type,
        payload_revision, payload, meta_data, campaign_id, unit_code, occurred_on)
    SELECT gen_random_uuid()::text, 'round-$1/participant-' || (i / 10), i % 10, 'Participant',
           'org.campaignledger.api.training.CourseCompletedEvent', '1',
           convert_to(json_build_object('participantId', 'p-' || (i / 10), 'campaignId', 'hanoi-2025',
               'unitCode', '00004', 'course', 'ONETOUCH_DIGITAL_SKILLS', 'occurredOn', '2025-08-01',
               'note', repeat('x', 120))::text, 'UTF8'),
           convert_to(json_build_object('principal', 'clerk-00004', 'role', 'UNIT_OFFICER',
               'correlationId', gen_random_uuid(), 'idempotencyKey', gen_random_uuid(),
               'requestedAt', now(), 'receivedAt', now())::text, 'UTF8'),
           'hanoi-2025', '00004', DATE '2025-08-01'
      FROM generate_series(0, $events - 1) AS i ORDER BY i / 10, i % 10"; }

for round in $(seq 1 "$rounds"); do
    for schema in chain_cost_plain chain_cost_chained; do
        start=$(date +%s%N)
        psql_in "$schema" -c "$(append "$round")"
        echo "round $round $schema: $events events in $(( ($(date +%s%N) - start) / 1000000 )) ms"
    done
done
PGOPTIONS="-c client_min_messages=warning" psql -X -q -d "$db" -c 'DROP SCHEMA chain_cost_plain, chain_cost_chained CASCADE'
