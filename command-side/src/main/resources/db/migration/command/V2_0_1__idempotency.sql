-- Answers to requests sent with an Idempotency-Key, written in the same transaction as their events.
CREATE TABLE idempotency_record (
    principal           VARCHAR(200) NOT NULL,
    idempotency_key     VARCHAR(200) NOT NULL,
    request_fingerprint VARCHAR(64)  NOT NULL,
    aggregate_version   BIGINT       NOT NULL,
    recorded_at         TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (principal, idempotency_key)
);
