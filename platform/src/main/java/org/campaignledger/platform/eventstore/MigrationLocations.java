package org.campaignledger.platform.eventstore;

import java.util.Arrays;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;

/**
 * Each module brings its own migrations into the one Flyway run. A command-side node and a query-side
 * node see different sets, so applied versions missing from a node's classpath are expected, and
 * versions may arrive out of order (see application defaults).
 */
public final class MigrationLocations {

    private MigrationLocations() {
    }

    public static FlywayConfigurationCustomizer add(String location) {
        return configuration -> {
            Location added = new Location(location);
            Location[] current = configuration.getLocations();
            if (Arrays.asList(current).contains(added)) {
                return;
            }
            Location[] withoutDefault = Arrays.stream(current)
                    .filter(existing -> !existing.toString().equals("classpath:db/migration"))
                    .toArray(Location[]::new);
            configuration.locations(Stream.concat(Arrays.stream(withoutDefault), Stream.of(added))
                    .toArray(Location[]::new));
        };
    }
}
