package org.campaignledger.command.web;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_record} table. A record is written in the same transaction as the events
 * of the command it answers (see {@link IdempotencyInterceptor}), so a retry either finds it or
 * finds that nothing was recorded: never a fact without its key, never a key without its fact.
 */
@Repository
class IdempotencyRecords {

    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IdempotencyRecord> find(String principal, String key) {
        return jdbc.query("select request_fingerprint, aggregate_version from idempotency_record "
                        + "where principal = ? and idempotency_key = ?",
                (rs, row) -> new IdempotencyRecord(rs.getString(1), rs.getLong(2)), principal, key)
                .stream().findFirst();
    }

    /**
     * A key already taken answers {@link DuplicateKeyException} without an SQL error, so the
     * transaction stays usable: under group commit it is shared with other commands, which must not
     * be sunk by this one's rejection.
     */
    void insert(String principal, String key, String fingerprint, long version) {
        int inserted = jdbc.update("insert into idempotency_record (principal, idempotency_key, request_fingerprint, "
                + "aggregate_version) values (?, ?, ?, ?) on conflict do nothing", principal, key, fingerprint, version);
        if (inserted == 0) {
            throw new DuplicateKeyException("Idempotency-Key " + key + " of " + principal + " is already recorded");
        }
    }
}
