package org.campaignledger.bench;

import java.util.ArrayList;
import java.util.List;

/** Repeated measurements of one figure: the report shows their median and spread, never one lucky run. */
record Samples(String unit, List<Double> values) {

    Samples(String unit) {
        this(unit, new ArrayList<>());
    }

    void add(double value) {
        values.add(value);
    }

    double median() {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
