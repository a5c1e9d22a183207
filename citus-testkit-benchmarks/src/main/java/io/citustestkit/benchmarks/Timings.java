package io.citustestkit.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of one measurement, in milliseconds, with median and p99. */
final class Timings {

    private final List<Double> millis = new ArrayList<>();

    void add(long nanos) {
        millis.add(nanos / 1_000_000.0);
    }

    int count() {
        return millis.size();
    }

    double median() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
