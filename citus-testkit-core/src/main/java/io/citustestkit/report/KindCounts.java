package io.citustestkit.report;

import io.citustestkit.plan.PlanKind;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts per {@link PlanKind}, read worst first (by {@link ShapeSeverity}, then the kind's order). */
final class KindCounts {

    static final List<PlanKind> WORST_FIRST = Arrays.stream(PlanKind.values())
            .sorted(Comparator.comparing(ShapeSeverity::of).thenComparing(Comparator.naturalOrder())).toList();

    private final int[] counts = new int[PlanKind.values().length];

    void add(PlanKind kind) {
        counts[kind.ordinal()]++;
    }

    void addAll(KindCounts other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** {@return the kinds counted at least once, worst first} */
    Map<PlanKind, Integer> toMap() {
        Map<PlanKind, Integer> map = new LinkedHashMap<>();
        for (PlanKind kind : WORST_FIRST) {
            if (counts[kind.ordinal()] > 0) {
                map.put(kind, counts[kind.ordinal()]);
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
