package org.campaignledger.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaignledger.simulator.plan.HanoiCampaignDefinition;
import org.campaignledger.simulator.plan.CampaignDefinition;
import org.campaignledger.simulator.plan.CampaignPlan;
import org.campaignledger.simulator.plan.CampaignPlanner;
import org.campaignledger.simulator.plan.PlanSettings;
import org.campaignledger.simulator.run.ConsoleProgressBar;
import org.campaignledger.simulator.run.Simulation;
import org.campaignledger.simulator.send.GatewayCommandSender;
import org.campaignledger.simulator.tally.Tally;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On start: launches Hanoi's campaign unless it exists; with {@code --demo}, fills it with a simulated
 * 45 days (at {@code --scale}, default 0.01, seed {@code --seed}, default 42) unless it already holds
 * facts, showing a progress bar; then prints where to look.
 */
@Component
class DemoLauncher implements ApplicationRunner {

    static final double DEFAULT_SCALE = 0.01;
    static final long DEFAULT_SEED = 42;

    private final HanoiBootstrap hanoi;
    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private final PrintStream console = System.out;

    DemoLauncher(HanoiBootstrap hanoi, CommandGateway gateway, JdbcTemplate jdbc, ApplicationContext context) {
        this.hanoi = hanoi;
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        hanoi.launchUnlessLaunched();
        if (args.containsOption("demo")) {
            if (holdsFacts()) {
                console.println("Campaign " + HanoiCampaignDefinition.ID + " already holds facts: the demo data is not loaded again.");
            } else {
                simulate(option(args, "scale", DEFAULT_SCALE), (long) option(args, "seed", DEFAULT_SEED),
                        (int) option(args, "concurrency", 4));
            }
        }
        printWhereToLook();
    }

    private void simulate(double scale, long seed, int concurrency) {
        CampaignPlan plan = CampaignPlanner.plan(CampaignDefinition.of(HanoiCampaignDefinition.launchCommand()),
                PlanSettings.of(scale, seed));
        console.printf("Recording a simulated 45-day campaign for Hanoi: %,d commands (scale %s, seed %d)%n",
                plan.commands().size(), scale, seed);
        long start = System.nanoTime();
        Tally tally = Simulation.run(plan, new GatewayCommandSender(gateway), concurrency,
                new ConsoleProgressBar(console, "demo"));
        console.println(tally.summaryLine(Duration.ofNanos(System.nanoTime() - start)));
    }

    private boolean holdsFacts() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from domain_event_entry "
                + "where campaign_id = ? and aggregate_identifier <> ?)", Boolean.class,
                HanoiCampaignDefinition.ID.value(), HanoiCampaignDefinition.ID.value()));
    }

    private void printWhereToLook() {
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String base = "http://localhost:" + web.getWebServer().getPort();
            for (String line : List.of("", "Campaign Ledger is running.",
                    "  Dashboard:  " + base + "/",
                    "  API docs:   " + base + "/swagger-ui.html",
                    "  Timeline:   " + base + "/api/campaigns/" + HanoiCampaignDefinition.ID + "/timeline",
                    "  Sign in as department / department (or officer, auditor, viewer: password = name)", "")) {
                console.println(line);
            }
        }
    }

    private static double option(ApplicationArguments args, String name, double fallback) {
        List<String> values = args.getOptionValues(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(values.get(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number: " + values.get(0), e);
        }
    }
}
