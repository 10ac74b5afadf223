package dev.kumo.serving.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.apiserver.UsageView;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The {@code UsageReport} document ({@code usage.kumo.dev/v1alpha1}): the period ({@code since}, {@code until}, the
 * bucket length it is rounded to) and one item per Revision (and per Service for its events delivered) with its
 * counts.
 */
final class UsageReports implements UsageView {

    static final String API_VERSION = "usage.kumo.dev/v1alpha1";

    private final UsageRecorder recorder;
    private final InstantSource clock;

    UsageReports(UsageRecorder recorder, InstantSource clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    @Override
    public JsonNode report(Optional<String> namespace, Duration period) {
        Instant until = clock.instant();
        Instant since = until.minus(period);
        ObjectNode report = Json.object().put("apiVersion", API_VERSION).put("kind", "UsageReport");
        ObjectNode about = report.putObject("period");
        about.put("since", since.toString()).put("until", until.toString())
                .put("bucketSeconds", period.compareTo(UsageDatabase.MINUTES_KEPT) > 0 ? 3600
                        : UsageLedger.BUCKET_SECONDS);
        namespace.ifPresent(ns -> report.put("namespace", ns));
        var items = report.putArray("items");
        recorder.totals(namespace, since).forEach((key, counts) -> items.addObject()
                .put("namespace", key.namespace()).put("service", key.service()).put("revision", key.revision())
                .put("requests", counts.requests()).put("instanceSeconds", counts.instanceSeconds())
                .put("memoryGibSeconds", counts.memoryGibSeconds()).put("cpuSeconds", counts.cpuSeconds())
                .put("coldStarts", counts.coldStarts()).put("eventsDelivered", counts.eventsDelivered()));
        return report;
    }
}
