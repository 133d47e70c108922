package org.campaignledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.campaignledger.api.campaign.TargetMetric;
import org.campaignledger.api.query.MetricsView;
import org.campaignledger.api.support.PriorityGroup;
import org.junit.jupiter.api.Test;

/** Every label exists in Vietnamese and in English, including those named after code (metrics, targets). */
class DashboardMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(DashboardMessagesTest.class.getResourceAsStream("/i18n/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void vietnameseAndEnglishHoldTheSameKeys() throws IOException {
        assertThat(bundle("dashboard.properties").stringPropertyNames())
                .isEqualTo(bundle("dashboard_en.properties").stringPropertyNames());
    }

    @Test
    void everyMetricTargetFieldAndPriorityGroupHasALabel() throws IOException {
        Properties vietnamese = bundle("dashboard.properties");
        Arrays.stream(DashboardMetric.values()).forEach(m -> assertThat(vietnamese).containsKey(m.label()));
        Arrays.stream(TargetMetric.values()).forEach(t -> assertThat(vietnamese).containsKey("target." + t.name()));
        Arrays.stream(PriorityGroup.values()).forEach(g -> assertThat(vietnamese)
                .containsKey("priority." + g.name()).containsKey("field.peopleServed." + g.name()));
        Arrays.stream(MetricsView.class.getRecordComponents()).filter(c -> !c.getName().equals("peopleServed"))
                .forEach(c -> assertThat(vietnamese).containsKey("field." + c.getName()));
        AuditExplorerController.EVENT_TYPES.forEach(type -> assertThat(vietnamese).containsKey("event." + type));
    }

    @Test
    void vietnameseIsReadAsUtf8() throws IOException {
        assertThat(bundle("dashboard.properties").getProperty("nav.overview")).isEqualTo("Tổng quan");
    }
}
