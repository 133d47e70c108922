package org.campaignledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class CommandSideApplicationIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startsOnPostgresWithTheEventStoreSchema() {
        Integer tables = jdbc.queryForObject(
                // this schema's: the embedded database of a developer's machine may hold a bench's schemas too
                "select count(*) from information_schema.tables where table_schema = current_schema() and table_name"
                        + " in ('domain_event_entry','snapshot_event_entry','tokenentry','deadletterentry')",
                Integer.class);
        assertThat(tables).isEqualTo(4);
    }
}
