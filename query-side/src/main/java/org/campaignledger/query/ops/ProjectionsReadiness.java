package org.campaignledger.query.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaignledger.query.admin.ProjectionLag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code projections} health contributor, in the readiness group: DOWN from start until every projection
 * has applied the log as it stood when this node started (so a new node, or one after a long outage, takes no
 * traffic while its reads would be stale), and DOWN again while any projection is being rebuilt (on any node:
 * a rebuild shows as a replay token in the shared token store). Once caught up, ordinary lag does not make it
 * DOWN: a node that is a few events behind still serves. {@code campaign-ledger.readiness.wait-for-projections=false}
 * serves stale reads instead (the details still say how far behind each projection is).
 */
@Component("projections")
class ProjectionsReadiness implements HealthIndicator {

    private final ProjectionLag lag;
    private final boolean waitForProjections;
    private volatile long headAtStart = Long.MIN_VALUE;
    private volatile boolean caughtUpOnce;

    ProjectionsReadiness(ProjectionLag lag,
                         @Value("${campaign-ledger.readiness.wait-for-projections:true}") boolean waitForProjections) {
        this.lag = lag;
        this.waitForProjections = waitForProjections;
    }

    @Override
    public Health health() {
        if (headAtStart == Long.MIN_VALUE) {
            headAtStart = lag.head();
        }
        List<ProjectionLag.Lag> lags = lag.measure();
        boolean replaying = lags.stream().anyMatch(ProjectionLag.Lag::replaying);
        if (!caughtUpOnce && lags.stream().allMatch(l -> l.caughtUpWith(headAtStart))) {
            caughtUpOnce = true;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        lags.forEach(l -> details.put(l.projection(), Map.of("position", l.position(), "head", l.head(),
                "lagEvents", l.events(), "lagSeconds", l.seconds(), "replaying", l.replaying())));
        details.put("waitForProjections", waitForProjections);
        boolean ready = !waitForProjections || (caughtUpOnce && !replaying);
        return (ready ? Health.up() : Health.down()).withDetails(details).build();
    }
}
