package io.citustestkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints the benchmark's table: one row per measurement, with its ratio and its target. */
final class Report {

    private record Row(String name, Timings timings, String ratio, String target) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String name, Timings timings, String ratio, String target) {
        rows.add(new Row(name, timings, ratio, target));
    }

    void print(String header) {
        System.out.println();
        System.out.println(header);
        String format = "%-52s %6s %10s %10s  %-12s %s%n";
        System.out.printf(Locale.ROOT, format, "measurement", "runs", "median ms", "p99 ms", "ratio", "target");
        System.out.println("-".repeat(110));
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, format, row.name, row.timings.count(), fmt(row.timings.median()),
                    fmt(row.timings.p99()), row.ratio, row.target);
        }
        System.out.println();
    }

    static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(Timings subject, Timings baseline) {
        return String.format(Locale.ROOT, "%.2f", subject.median() / baseline.median());
    }
}
