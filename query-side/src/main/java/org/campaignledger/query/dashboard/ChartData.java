package org.campaignledger.query.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.campaignledger.api.query.TimelineView;

/**
 * One metric over the campaign's days, as the timeline chart draws it (and the table beside it lists it):
 * a value per day, the goal line when a target sets one, and the day the campaign stands at.
 */
record ChartData(String metric, String label, boolean percent, List<Integer> days, List<LocalDate> dates,
                 List<BigDecimal> values, BigDecimal goal, int today) {

    static ChartData of(TimelineView timeline, DashboardMetric metric, String label, int today) {
        List<TimelineView.Day> days = timeline.days();
        BigDecimal goal = days.isEmpty() ? null
                : metric.targetIn(days.get(days.size() - 1).targets()).map(t -> t.goal()).orElse(null);
        return new ChartData(metric.key(), label, metric.percent(), days.stream().map(TimelineView.Day::day).toList(),
                days.stream().map(TimelineView.Day::date).toList(),
                days.stream().map(day -> metric.of(day.metrics())).toList(), goal, today);
    }
}
