package org.campaignledger.query.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.campaignledger.api.query.UnitRankingView;

/**
 * The units as dots on an SVG drawn from their own coordinates (an equirectangular projection, widths
 * shrunk by the cosine of the mean latitude): no map tiles, nothing fetched from outside. Each dot is
 * coloured by how far the unit is towards the goal of the chosen metric, or, where the metric has no goal
 * per unit, towards the best unit.
 */
final class UnitMap {

    static final int WIDTH = 800;
    static final int PADDING = 16;
    /** Red to green in five steps (ColorBrewer RdYlGn), so "behind" and "there" read apart. */
    static final List<String> COLOURS = List.of("#d73027", "#fc8d59", "#fee08b", "#91cf60", "#1a9850");

    record Dot(String code, String name, double x, double y, double r, String colour, int band, String value) {
    }

    record Drawing(int width, int height, List<Dot> dots, int unplaced) {
    }

    private UnitMap() {
    }

    static Drawing draw(List<UnitRankingView.RankedUnit> units, DashboardMetric metric, Formats fmt) {
        List<UnitRankingView.RankedUnit> placed = units.stream()
                .filter(u -> u.longitude() != null && u.latitude() != null).toList();
        if (placed.isEmpty()) {
            return new Drawing(WIDTH, 200, List.of(), units.size());
        }
        double minLon = placed.stream().mapToDouble(u -> u.longitude()).min().orElseThrow();
        double maxLon = placed.stream().mapToDouble(u -> u.longitude()).max().orElseThrow();
        double minLat = placed.stream().mapToDouble(u -> u.latitude()).min().orElseThrow();
        double maxLat = placed.stream().mapToDouble(u -> u.latitude()).max().orElseThrow();
        double shrink = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * shrink, 1e-6);
        double spanY = Math.max(maxLat - minLat, 1e-6);
        double scale = (WIDTH - 2.0 * PADDING) / spanX;
        int height = (int) Math.ceil(spanY * scale + 2 * PADDING);
        double best = placed.stream().mapToDouble(u -> metric.of(u.metrics()).doubleValue()).max().orElse(0);
        long maxPopulation = placed.stream().mapToLong(u -> u.population() == null ? 0 : u.population()).max()
                .orElse(0);
        List<Dot> dots = new ArrayList<>();
        for (UnitRankingView.RankedUnit unit : placed) {
            BigDecimal value = metric.of(unit.metrics());
            double share = metric.targetIn(unit.targets())
                    .map(t -> t.goal().signum() == 0 ? 1.0 : value.doubleValue() / t.goal().doubleValue())
                    .orElse(best <= 0 ? 0 : value.doubleValue() / best);
            int band = (int) Math.min(COLOURS.size() - 1, Math.max(0, Math.floor(share * COLOURS.size())));
            double r = 4 + (maxPopulation <= 0 || unit.population() == null ? 2
                    : 6 * Math.sqrt((double) unit.population() / maxPopulation));
            dots.add(new Dot(unit.unitCode().value(), unit.name(),
                    round(PADDING + (unit.longitude() - minLon) * shrink * scale),
                    round(PADDING + (maxLat - unit.latitude()) * scale), round(r), COLOURS.get(band), band,
                    fmt.metric(metric, value)));
        }
        return new Drawing(WIDTH, height, dots, units.size() - placed.size());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
