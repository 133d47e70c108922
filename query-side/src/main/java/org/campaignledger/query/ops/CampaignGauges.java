package org.campaignledger.query.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignledger.api.query.CampaignView;
import org.campaignledger.api.query.FindCampaignsQuery;
import org.campaignledger.api.query.FindSummaryQuery;
import org.campaignledger.api.query.MetricsView;
import org.campaignledger.query.admin.ProjectionLag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The campaign's own gauges, per campaign ({@code campaign} tag), and each projection's lag ({@code projection}
 * tag). A scrape only reads numbers held in memory: they are refreshed every
 * {@code campaign-ledger.metrics.refresh} (5 s) from the query side's own readers (the summary query, cached
 * per campaign version), the token store, and an incremental count of the log — never by reading the log
 * per scrape.
 */
@Component
class CampaignGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CampaignGauges.class);

    private final MeterRegistry registry;
    private final QueryGateway queries;
    private final ProjectionLag lag;
    private final EventCounts eventCounts;
    private final Duration refresh;
    private final Map<String, AtomicReference<MetricsView>> figures = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<ProjectionLag.Lag>> lags = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    CampaignGauges(MeterRegistry registry, QueryGateway queries, ProjectionLag lag, EventCounts eventCounts,
                   @Value("${campaign-ledger.metrics.refresh:5s}") Duration refresh) {
        this.registry = registry;
        this.queries = queries;
        this.lag = lag;
        this.eventCounts = eventCounts;
        this.refresh = refresh;
    }

    void refresh() {
        try {
            for (ProjectionLag.Lag current : lag.measure()) {
                lags.computeIfAbsent(current.projection(), this::registerLag).set(current);
            }
            List<CampaignView> campaigns = queries.query(new FindCampaignsQuery(),
                    ResponseTypes.multipleInstancesOf(CampaignView.class)).join();
            Map<String, Long> counts = eventCounts.byCampaign();
            for (CampaignView campaign : campaigns) {
                String id = campaign.campaignId().value();
                MetricsView cityWide = queries.query(new FindSummaryQuery(campaign.campaignId(), null, null, false),
                        org.campaignledger.api.query.SummaryView.class).join().cityWide();
                figures.computeIfAbsent(id, this::registerCampaign).set(cityWide);
                eventCounts.register(registry, id, counts);
            }
        } catch (RuntimeException e) {
            // a database hiccup must not stop the refresh: the gauges keep their last values until the next one
            log.warn("Could not refresh the campaign gauges: {}", e.toString());
        }
    }

    private AtomicReference<MetricsView> registerCampaign(String campaign) {
        AtomicReference<MetricsView> holder = new AtomicReference<>();
        gauge(holder, campaign, "campaign.units.with.it.officer", "Units with at least one IT officer",
                m -> m.unitsWithItOfficer());
        gauge(holder, campaign, "campaign.officials.trained.percent",
                "Officials (staff) trained, percent of those enrolled", m -> percent(m.staffTrainedPercent()));
        gauge(holder, campaign, "campaign.team.members.trained.percent",
                "Community digital team members trained, percent of those enrolled",
                m -> percent(m.teamMembersTrainedPercent()));
        gauge(holder, campaign, "campaign.support.points.open", "Mobile support points open",
                m -> m.supportPointsOpen());
        gauge(holder, campaign, "campaign.people.served", "People served at support points, all priority groups",
                m -> m.peopleServedTotal());
        return holder;
    }

    private void gauge(AtomicReference<MetricsView> holder, String campaign, String name, String help,
                       ToDoubleFunction<MetricsView> value) {
        Gauge.builder(name, holder, h -> h.get() == null ? Double.NaN : value.applyAsDouble(h.get()))
                .description(help).tag("campaign", campaign).register(registry);
    }

    private AtomicReference<ProjectionLag.Lag> registerLag(String projection) {
        AtomicReference<ProjectionLag.Lag> holder = new AtomicReference<>();
        Gauge.builder("campaign.projection.lag.events", holder, h -> h.get().events())
                .description("Events in the log that the projection has not applied yet")
                .tag("projection", projection).register(registry);
        Gauge.builder("campaign.projection.lag", holder, h -> h.get().seconds()).baseUnit("seconds")
                .description("Age of the oldest event the projection has not applied yet (0 when caught up)")
                .tag("projection", projection).register(registry);
        return holder;
    }

    private static double percent(BigDecimal value) {
        return value == null ? 0 : value.doubleValue();
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "campaign-gauges");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // after Axon's processors and the web server have started, stopped before them
        return Integer.MAX_VALUE - 10;
    }
}
