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
                "select count(*) from information_schema.tables where table_name in "
                        + "('domain_event_entry','snapshot_event_entry','tokenentry','deadletterentry')",
                Integer.class);
        assertThat(tables).isEqualTo(4);
    }
}
