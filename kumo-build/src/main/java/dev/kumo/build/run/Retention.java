package dev.kumo.build.run;

import dev.kumo.api.shipwright.BuildRun;
import dev.kumo.api.shipwright.BuildSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Which finished runs of a Build its {@code retention} lets go: all but the newest N succeeded and N failed. */
final class Retention {

    private static final Comparator<BuildRun> NEWEST_FIRST = Comparator
            .comparing((BuildRun r) -> nullToEmpty(r.statusOrEmpty().completionTime()))
            .thenComparing(r -> nullToEmpty(r.metadata().creationTimestamp()))
            .thenComparing(r -> r.metadata().name()).reversed();

    private Retention() {
    }

    /** The runs among {@code runs} (one Build's) to delete under {@code retention}. */
    static List<BuildRun> expired(List<BuildRun> runs, BuildSpec.BuildRetention retention) {
        List<BuildRun> expired = new ArrayList<>();
        if (retention == null) {
            return expired;
        }
        expired.addAll(beyond(runs, r -> r.statusOrEmpty().succeeded().map(c -> c.isTrue()).orElse(false),
                retention.succeededLimit()));
        expired.addAll(beyond(runs, r -> r.statusOrEmpty().succeeded().map(c -> c.isFalse()).orElse(false),
                retention.failedLimit()));
        return expired;
    }

    private static List<BuildRun> beyond(List<BuildRun> runs, Predicate<BuildRun> which, Integer limit) {
        if (limit == null) {
            return List.of();
        }
        List<BuildRun> matching = runs.stream().filter(which).sorted(NEWEST_FIRST).toList();
        return matching.size() <= limit ? List.of() : matching.subList(limit, matching.size());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
