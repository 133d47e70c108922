package org.campaignledger.query.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.campaignledger.api.campaign.Target;
import org.campaignledger.api.campaign.TargetMetric;
import org.campaignledger.api.query.MetricsView;
import org.campaignledger.api.query.TargetProgressView;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void aUnitIsCoveredWhileItHasAnActiveOfficerOfEitherEmployment() {
        long[] staffOnly = unit(Measure.IT_OFFICERS_STAFF, 1);
        long[] contractedOnly = unit(Measure.IT_OFFICERS_CONTRACTED, 2);
        long[] released = unit(Measure.IT_OFFICERS_STAFF, 0);

        MetricsView city = Figures.metrics(List.of(staffOnly, contractedOnly, released));

        assertThat(city.unitsWithItOfficer()).isEqualTo(2);
        assertThat(city.itOfficerCoveragePercent()).isEqualByComparingTo("66.7");
        assertThat(city.itOfficersContracted()).isEqualTo(2);
    }

    @Test
    void trainedPercentageIsZeroWhileNobodyIsEnrolled() {
        MetricsView none = Figures.metrics(List.of(new long[Measure.COUNT]));

        assertThat(none.staffTrainedPercent()).isEqualByComparingTo("0.0");
        assertThat(Figures.percent(2, 3)).isEqualByComparingTo("66.7");
    }

    @Test
    void targetPercentageOfGoalAndMet() {
        long[] unit = unit(Measure.PEOPLE_SERVED_ELDERLY, 30);
        unit[Measure.PEOPLE_SERVED_OTHER.ordinal()] = 15;
        MetricsView metrics = Figures.metrics(List.<long[]>of(unit));

        TargetProgressView served = Figures.target(new Target(TargetMetric.PEOPLE_SERVED, new BigDecimal("60")),
                metrics);
        TargetProgressView coverage = Figures.target(new Target(TargetMetric.SUPPORT_POINT_COVERAGE,
                new BigDecimal("100")), metrics);

        assertThat(served.value()).isEqualByComparingTo("45");
        assertThat(served.percentOfGoal()).isEqualByComparingTo("75.0");
        assertThat(served.met()).isFalse();
        assertThat(coverage.value()).isEqualByComparingTo("0");
        assertThat(Figures.target(new Target(TargetMetric.PEOPLE_SERVED, new BigDecimal("45")), metrics).met())
                .isTrue();
    }

    @Test
    void scoreCapsEachTargetAtItsGoal() {
        List<TargetProgressView> targets = List.of(
                new TargetProgressView(TargetMetric.OFFICIALS_TRAINED, BigDecimal.TEN, BigDecimal.TEN,
                        new BigDecimal("150.0"), true),
                new TargetProgressView(TargetMetric.IT_OFFICER_COVERAGE, BigDecimal.TEN, BigDecimal.ONE,
                        new BigDecimal("50.0"), false));

        assertThat(Figures.score(targets)).isEqualByComparingTo("75.0");
    }

    @Test
    void comparisonNamesEveryMetricIncludingEachPriorityGroup() {
        assertThat(MetricCatalog.names(Figures.metrics(List.of()))).contains("staffTrained",
                "itOfficerCoveragePercent", "peopleServed.ELDERLY", "peopleServed.OTHER", "modelPractices")
                .doesNotContain("peopleServed");
    }

    private static long[] unit(Measure measure, long value) {
        long[] sums = new long[Measure.COUNT];
        sums[measure.ordinal()] = value;
        return sums;
    }
}
