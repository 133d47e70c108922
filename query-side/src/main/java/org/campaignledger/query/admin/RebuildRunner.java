package org.campaignledger.query.admin;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line rebuild: {@code java -jar query-side-exec.jar --rebuild=progress} (or several, comma
 * separated, or {@code all}) rebuilds them together, logs progress every second, and exits when done.
 */
@Component
class RebuildRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildRunner.class);

    private final ProjectionAdmin admin;
    private final ConfigurableApplicationContext context;

    RebuildRunner(ProjectionAdmin admin, ConfigurableApplicationContext context) {
        this.admin = admin;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (!args.containsOption("rebuild")) {
            return;
        }
        List<String> names = args.getOptionValues("rebuild").stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .flatMap(name -> name.equals("all") ? ProjectionAdmin.PROJECTIONS.stream() : List.of(name).stream())
                .distinct()
                .toList();
        admin.rebuild(names); // together: the log is read once for all of them
        for (String name : names) {
            ProjectionStatus status = admin.status(name);
            while (status.state() == ProjectionStatus.State.REBUILDING) {
                Thread.sleep(1000); // a command-line run: report progress once a second until done
                status = admin.status(name);
                log.info("Rebuilding {}: {}/{} events, {} events/s", name, status.eventsDone(),
                        status.eventsTotal(), status.eventsPerSecond());
            }
            if (status.error() != null) {
                log.error("Rebuild of {} failed: {}", name, status.error());
                System.exit(SpringApplication.exit(context, () -> 1));
            }
            log.info("Rebuilt {}: {} events at {} events/s", name, status.eventsTotal(), status.eventsPerSecond());
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
