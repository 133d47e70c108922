package org.campaignledger.query.progress;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.campaignledger.api.query.MetricsView;

/**
 * Every metric of {@link MetricsView} by name, as numbers: the field names ({@code staffTrained}), and
 * {@code peopleServed.ELDERLY} etc. for the map. Derived from the record so a new metric is comparable
 * the day it is added.
 */
final class MetricCatalog {

    private static final RecordComponent[] COMPONENTS = MetricsView.class.getRecordComponents();

    private MetricCatalog() {
    }

    static Map<String, BigDecimal> flatten(MetricsView metrics) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (RecordComponent component : COMPONENTS) {
            Object value = read(component, metrics);
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, count) -> values.put(component.getName() + "." + key, number(count)));
            } else {
                values.put(component.getName(), number(value));
            }
        }
        return values;
    }

    static Set<String> names(MetricsView sample) {
        return flatten(sample).keySet();
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }

    private static Object read(RecordComponent component, MetricsView metrics) {
        try {
            return component.getAccessor().invoke(metrics);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
