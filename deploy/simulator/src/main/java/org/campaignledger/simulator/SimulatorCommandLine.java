package org.campaignledger.simulator;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.simulator.plan.CampaignDefinition;
import org.campaignledger.simulator.plan.CampaignPlan;
import org.campaignledger.simulator.plan.CampaignPlanner;
import org.campaignledger.simulator.plan.HanoiCampaignDefinition;
import org.campaignledger.simulator.plan.PlanSettings;
import org.campaignledger.simulator.plan.UnitsCsv;
import org.campaignledger.simulator.run.ConsoleProgressBar;
import org.campaignledger.simulator.run.Simulation;
import org.campaignledger.simulator.send.HttpCommandSender;
import org.campaignledger.simulator.send.Outcome;
import org.campaignledger.simulator.send.RetryPolicy;
import org.campaignledger.simulator.tally.ExpectedFigures;
import org.campaignledger.simulator.tally.Tally;
import org.campaignledger.simulator.tally.UnitFigures;

/**
 * {@code java -jar simulator.jar --http http://localhost:8080 --scale 0.05 --seed 42 [--launch]}: plans
 * Hanoi's campaign (or the units of {@code --units FILE}) and sends it to a running platform.
 * {@code --plan-only} prints the plan's make-up without sending anything. Exit status 0 when every
 * command got the answer the plan expects, 1 otherwise, 2 for a usage error.
 */
public final class SimulatorCommandLine {

    static final String USAGE = """
            Usage: java -jar simulator.jar --http URL [options]
                   java -jar simulator.jar --plan-only [options]
              --http URL          base URL of a running platform, e.g. http://localhost:8080
              --plan-only         print what the plan contains and send nothing
              --scale X           people and places relative to Hanoi's campaign (default 0.05; 1 = Hanoi)
              --seed N            random seed (default 42): the same seed and scale give the same commands
              --concurrency N     parallel senders; one aggregate's commands stay in order (default 4)
              --launch            first launch the campaign (POST /api/campaigns); already launched is fine
              --units FILE        units CSV (code,name,kind,population,...,lon,lat) instead of Hanoi's 126
              --campaign ID       campaign id (default hanoi-2025)
              --start DATE        first day, e.g. 2025-07-24 (default Hanoi's)
              --days N            duration in days (default 45)
              --no-close          do not close the campaign at the end
              --user NAME:PASS    sign in with HTTP Basic as a configured user, e.g. department:department
              --header 'K: V'     extra HTTP header, e.g. 'Authorization: Bearer ...' (repeatable)
            """;

    private SimulatorCommandLine() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.help) {
            out.print(USAGE);
            return 0;
        }
        List<UnitDefinition> units = options.units == null ? UnitsCsv.hanoi() : UnitsCsv.read(options.units);
        LaunchCampaignCommand launch = HanoiCampaignDefinition.launchCommand(options.campaign, options.start,
                options.days, units);
        PlanSettings settings = new PlanSettings(options.scale, options.seed, options.close);
        long planning = System.nanoTime();
        CampaignPlan plan = CampaignPlanner.plan(CampaignDefinition.of(launch), settings);
        out.printf(Locale.ROOT, "Planned %,d commands for %s (%d units, %s to %s) at scale %s, seed %d in %d ms%n",
                plan.size(), launch.campaignId(), units.size(), launch.startDate(),
                CampaignDefinition.of(launch).endDate(), settings.scaleText(), settings.seed(),
                (System.nanoTime() - planning) / 1_000_000);
        if (options.planOnly) {
            describe(plan, out);
            return 0;
        }
        HttpCommandSender sender = new HttpCommandSender(options.http, RetryPolicy.standard(), options.headers);
        if (options.launch) {
            Outcome launched = sender.send(launch, "launch-" + launch.campaignId());
            if (launched.isAccepted()) {
                out.println("Launched " + launch.campaignId());
            } else if ("campaign-already-launched".equals(launched.problemType())) {
                out.println("Campaign " + launch.campaignId() + " was already launched");
            } else {
                err.println("Cannot launch " + launch.campaignId() + ": " + launched);
                return 1;
            }
        }
        long start = System.nanoTime();
        Tally tally = Simulation.run(plan, sender, options.concurrency, new ConsoleProgressBar(out, "simulating"));
        out.println(tally.summaryLine(Duration.ofNanos(System.nanoTime() - start)));
        out.println(cityLine(tally.expectedFigures()));
        tally.unexpectedSamples().forEach(sample -> err.println("unexpected: " + sample));
        tally.failureSamples().forEach(sample -> err.println("failed: " + sample));
        return tally.asPlanned() ? 0 : 1;
    }

    private static void describe(CampaignPlan plan, PrintStream out) {
        plan.countByKind().forEach((kind, count) -> out.printf(Locale.ROOT, "  %-36s %,10d%n", kind, count));
        out.printf(Locale.ROOT, "  reported late (>= 2 days)            %,10d (%.1f%%)%n", plan.reportedLateCount(),
                100.0 * plan.reportedLateCount() / plan.size());
        plan.expectedRejections().forEach((type, count) ->
                out.printf(Locale.ROOT, "  invalid, to be rejected as %-28s %,6d%n", type, count));
        var figures = ExpectedFigures.of(plan.definition(),
                plan.commands().stream().filter(c -> c.valid()).toList(), plan.definition().endDate());
        out.println(cityLine(figures));
    }

    static String cityLine(ExpectedFigures figures) {
        UnitFigures city = figures.city();
        return String.format(Locale.ROOT, "Expected on %s: units with IT officer %d/%d, staff trained %,d/%,d, "
                        + "team members trained %,d/%,d, community teams %,d, support points open %,d, people served %,d",
                figures.asOf(), figures.unitsWithActiveItOfficer(), figures.units().size(), city.staffTrained(),
                city.staffEnrolled(), city.teamMembersTrained(), city.teamMembersEnrolled(), city.communityTeams(),
                city.supportPointsOpen(), city.peopleServedTotal());
    }

    /** The parsed command line. */
    static final class Options {
        URI http;
        boolean planOnly;
        boolean help;
        double scale = 0.05;
        long seed = 42;
        int concurrency = 4;
        boolean launch;
        boolean close = true;
        Path units;
        CampaignId campaign = HanoiCampaignDefinition.ID;
        LocalDate start = HanoiCampaignDefinition.START;
        int days = HanoiCampaignDefinition.DURATION_DAYS;
        final Map<String, String> headers = new LinkedHashMap<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> o.help = true;
                    case "--plan-only" -> o.planOnly = true;
                    case "--launch" -> o.launch = true;
                    case "--no-close" -> o.close = false;
                    case "--http" -> o.http = URI.create(value(args, ++i, arg));
                    case "--scale" -> o.scale = Double.parseDouble(value(args, ++i, arg));
                    case "--seed" -> o.seed = Long.parseLong(value(args, ++i, arg));
                    case "--concurrency" -> o.concurrency = Integer.parseInt(value(args, ++i, arg));
                    case "--units" -> o.units = Path.of(value(args, ++i, arg));
                    case "--campaign" -> o.campaign = new CampaignId(value(args, ++i, arg));
                    case "--start" -> o.start = LocalDate.parse(value(args, ++i, arg));
                    case "--days" -> o.days = Integer.parseInt(value(args, ++i, arg));
                    case "--user" -> {
                        String user = value(args, ++i, arg);
                        int colon = user.indexOf(':');
                        if (colon < 1) {
                            throw new IllegalArgumentException("--user needs NAME:PASSWORD: " + user);
                        }
                        o.headers.putAll(HttpCommandSender.basicAuthorization(user.substring(0, colon),
                                user.substring(colon + 1)));
                    }
                    case "--header" -> {
                        String header = value(args, ++i, arg);
                        int colon = header.indexOf(':');
                        if (colon < 1) {
                            throw new IllegalArgumentException("--header needs 'Name: value': " + header);
                        }
                        o.headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
                    }
                    default -> throw new IllegalArgumentException("Unknown option: " + arg);
                }
            }
            if (!o.help && !o.planOnly && o.http == null) {
                throw new IllegalArgumentException(
                        "--http URL is required (in-process runs go through Simulation.run with a GatewayCommandSender)");
            }
            if (o.concurrency < 1) {
                throw new IllegalArgumentException("--concurrency must be at least 1");
            }
            return o;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
