package org.campaignledger.platform.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * deploy/sql/app-role.sql, run for real: the owner runs the migrations, the application's role reads and appends
 * events and may do what it needs elsewhere, but PostgreSQL itself refuses it any UPDATE, DELETE or TRUNCATE of
 * the event log, whichever order the script and the migrations ran in.
 */
class AppRoleIT {

    private static final Path SCRIPT = Path.of("..", "deploy", "sql", "app-role.sql");
    private static final String PERMISSION_DENIED = "42501";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String schema = "approle_" + suffix;
    private final String owner = "cl_owner_" + suffix;
    private final String app = "cl_app_" + suffix;
    private final PGSimpleDataSource superuser = TestLedger.dataSource(null);

    @BeforeEach
    void ownerAndSchema() throws SQLException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + owner + " LOGIN");
            statement.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + owner);
        }
    }

    @AfterEach
    void dropEverything() throws SQLException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            for (String role : new String[] {app, owner}) {
                if (exists(statement, role)) {
                    statement.execute("DROP OWNED BY " + role);
                    statement.execute("DROP ROLE " + role);
                }
            }
        }
    }

    @Test
    void theApplicationsRoleCanReadAndAppendEventsButNeverRewriteThem() throws Exception {
        runScript();
        migrateAsOwner("1.0.1");
        // what the script's default privileges alone give: the log was created before the chain and its revoke
        assertThat(appMayUpdateEvents()).isTrue();

        migrateAsOwner(null);
        assertThat(appMayUpdateEvents()).isFalse();
        assertTheAppRoleIsHeldToAppending();

        runScript(); // again after the migrations, as the instructions say: grants on the tables now there
        assertTheAppRoleIsHeldToAppending();
    }

    private void migrateAsOwner(String target) {
        var flyway = Flyway.configure().dataSource(as(owner)).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/platform");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    private boolean appMayUpdateEvents() throws SQLException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT has_table_privilege('" + app + "', '" + schema
                     + ".domain_event_entry', 'UPDATE')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private void assertTheAppRoleIsHeldToAppending() throws SQLException {
        try (Connection connection = as(app).getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier,"
                    + " sequence_number, type, payload_type, payload) VALUES ('" + UUID.randomUUID()
                    + "', 'unit-" + UUID.randomUUID() + "', 0, 'T', 'p', '\\x7b7d')");
            statement.executeQuery("SELECT count(*) FROM domain_event_entry").close();
            statement.executeUpdate("INSERT INTO tokenentry (processorname, segment) VALUES ('p-" + UUID.randomUUID()
                    + "', 0)");
            assertThat(statement.executeUpdate("UPDATE tokenentry SET owner = 'node-1'")).isPositive();

            assertRefused(statement, "UPDATE domain_event_entry SET payload = payload");
            assertRefused(statement, "DELETE FROM domain_event_entry");
            assertRefused(statement, "TRUNCATE domain_event_entry");
            // not even by claiming the owner's intent: privileges are checked before any trigger
            assertRefused(statement, "SET campaign_ledger.rewrite_history = 'on'; DELETE FROM domain_event_entry");
            statement.execute("RESET campaign_ledger.rewrite_history");

            connection.setAutoCommit(false);
            statement.execute("SELECT ledger_seal_lock()");
            connection.rollback();
        }
    }

    private static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(PERMISSION_DENIED))
                .hasMessageContaining("permission denied");
    }

    private void runScript() throws IOException, SQLException {
        String sql = Files.readString(SCRIPT).replace("campaign_ledger_owner", owner).replace("campaign_ledger_app", app);
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            statement.execute(sql);
        }
    }

    private PGSimpleDataSource as(String role) {
        PGSimpleDataSource dataSource = TestLedger.dataSource(schema);
        dataSource.setUser(role);
        dataSource.setPassword("");
        return dataSource;
    }

    private static boolean exists(Statement statement, String role) throws SQLException {
        try (var rs = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            return rs.next();
        }
    }
}
