package dev.kumo.cli.revision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.serving.autoscaling.AnnotationKey;
import dev.kumo.api.serving.autoscaling.AutoscalingKeys;
import dev.kumo.api.serving.autoscaling.RevisionAutoscaling;
import dev.kumo.cli.output.Age;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.output.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code Scale:} section of {@code kumo revision describe}: replicas and the Active condition from the status,
 * the settings in effect with Knative's defaults marked, and, when the server serves the Revision's
 * {@code autoscaling} subresource, what the autoscaler wants now and its last decisions.
 */
final class ScaleLines {

    private static final String DEFAULT = " (default)";
    private static final List<AnnotationKey> SHOWN = List.of(AutoscalingKeys.MIN_SCALE, AutoscalingKeys.MAX_SCALE,
            AutoscalingKeys.INITIAL_SCALE, AutoscalingKeys.METRIC, AutoscalingKeys.TARGET,
            AutoscalingKeys.TARGET_UTILIZATION_PERCENTAGE, AutoscalingKeys.WINDOW);

    private ScaleLines() {
    }

    /** The section's lines; {@code autoscaling} is the subresource's answer, when there is one. */
    static List<String> of(JsonNode revision, Optional<JsonNode> autoscaling, Instant now) {
        RevisionAutoscaling settings = RevisionScale.settings(revision);
        DescribeBlock block = new DescribeBlock()
                .attribute("Replicas", replicas(revision.path("status")))
                .attribute("Active", active(revision))
                .attribute("Min", settings.bounds().min() + marker(revision, AutoscalingKeys.MIN_SCALE))
                .attribute("Max", RevisionScale.maximum(settings.bounds().max())
                        + marker(revision, AutoscalingKeys.MAX_SCALE))
                .attribute("Initial", settings.bounds().initial() + marker(revision, AutoscalingKeys.INITIAL_SCALE))
                .attribute("Metric", metric(revision, settings) + marker(revision, AutoscalingKeys.METRIC))
                .attribute("Target", number(settings.decider().totalValue()) + targetSource(revision, settings))
                .attribute("Utilization", number(settings.decider().targetUtilization() * 100) + "%"
                        + marker(revision, AutoscalingKeys.TARGET_UTILIZATION_PERCENTAGE))
                .attribute("Window", window(revision, settings))
                .attribute("Other", others(revision))
                .attribute("Autoscaler", autoscaling.map(ScaleLines::now).orElse(""));
        List<String> lines = new ArrayList<>(block.render().lines().toList());
        autoscaling.map(a -> decisions(a, now)).filter(table -> !table.isEmpty()).ifPresent(table -> {
            lines.add("Decisions:");
            table.render(true).lines().forEach(line -> lines.add("  " + line));
        });
        return lines;
    }

    /** {@code 2 ready, 3 desired}, as the Revision's status counts them; empty before the status has them. */
    private static String replicas(JsonNode status) {
        if (!status.path("actualReplicas").isNumber() || !status.path("desiredReplicas").isNumber()) {
            return "";
        }
        return status.path("actualReplicas").asInt() + " ready, " + status.path("desiredReplicas").asInt()
                + " desired";
    }

    /** The Active condition: {@code True}, or {@code False (NoTraffic)} with its reason. */
    private static String active(JsonNode revision) {
        for (JsonNode condition : revision.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Active")) {
                String reason = condition.path("reason").asText("");
                return condition.path("status").asText("Unknown") + (reason.isEmpty() ? "" : " (" + reason + ")");
            }
        }
        return "";
    }

    private static String marker(JsonNode revision, AnnotationKey key) {
        return RevisionScale.annotated(revision, key) ? "" : DEFAULT;
    }

    /** Where the target comes from when it is not simply the annotation: containerConcurrency or the default. */
    private static String targetSource(JsonNode revision, RevisionAutoscaling settings) {
        int containerConcurrency = RevisionScale.containerConcurrency(revision);
        boolean bounded = metric(revision, settings).equals(AutoscalingKeys.CONCURRENCY) && containerConcurrency > 0;
        Optional<String> annotation = AutoscalingKeys.TARGET.lookup(RevisionScale.annotations(revision))
                .map(AnnotationKey.Found::value);
        if (annotation.isEmpty()) {
            return bounded ? " (containerConcurrency)" : DEFAULT;
        }
        return bounded && settings.decider().totalValue() < parsed(annotation.get())
                ? " (target " + annotation.get() + " capped by containerConcurrency)" : "";
    }

    /** The metric as the annotation names it (an HPA one too, which the KPA's settings do not hold), else the KPA's. */
    private static String metric(JsonNode revision, RevisionAutoscaling settings) {
        return AutoscalingKeys.METRIC.lookup(RevisionScale.annotations(revision)).map(AnnotationKey.Found::value)
                .orElse(settings.decider().metric().toString());
    }

    private static double parsed(String number) {
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String window(JsonNode revision, RevisionAutoscaling settings) {
        return AutoscalingKeys.WINDOW.lookup(RevisionScale.annotations(revision)).map(AnnotationKey.Found::value)
                .orElse(settings.decider().stableWindow().toSeconds() + "s" + DEFAULT);
    }

    /** The other autoscaling annotations the Revision sets, short names: {@code target-burst-capacity=0}. */
    private static String others(JsonNode revision) {
        Map<String, String> annotations = RevisionScale.annotations(revision);
        return annotations.entrySet().stream()
                .filter(e -> e.getKey().startsWith(AutoscalingKeys.GROUP + "/"))
                .filter(e -> SHOWN.stream().noneMatch(k -> k.key().equals(e.getKey())
                        || k.alternates().contains(e.getKey())))
                .map(e -> e.getKey().substring(AutoscalingKeys.GROUP.length() + 1) + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** {@code wants 3, panicking, activator in path, excess burst capacity -12}. */
    private static String now(JsonNode autoscaling) {
        return "wants " + autoscaling.path("desiredScale").asInt()
                + (autoscaling.path("panicking").asBoolean() ? ", panicking" : "")
                + (autoscaling.path("activatorInPath").asBoolean() ? ", activator in path" : "")
                + ", excess burst capacity " + autoscaling.path("excessBurstCapacity").asInt();
    }

    /** AGE SCALE REASON, oldest first as the server sends them. */
    private static Table decisions(JsonNode autoscaling, Instant now) {
        Table table = new Table("AGE", "SCALE", "REASON");
        for (JsonNode decision : autoscaling.path("decisions")) {
            table.row(Age.since(decision.path("at").asText(""), now), decision.path("desiredScale").asText(),
                    decision.path("reason").asText(""));
        }
        return table;
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
