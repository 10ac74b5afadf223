package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.cli.output.Age;
import dev.kumo.cli.output.Conditions;
import dev.kumo.cli.revision.RevisionScale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines of one revision in a Service's describe: {@code 100%  @latest (hello-00001) [1] (5m)}, then details
 * (its image; for the latest created revision, its scale bounds as kn writes them, {@code 1 ... 5}).
 */
final class RevisionLines {

    private static final String DETAIL_INDENT = "      ";

    private RevisionLines() {
    }

    static List<String> of(TrafficRevisions.Target target, Optional<JsonNode> revision, JsonNode service,
            Instant now) {
        JsonNode status = service.path("status");
        String ready = revision.map(Conditions::ready).orElse("Unknown");
        String header = target.name();
        if (target.latest()) {
            header = "@latest (" + target.name() + ")";
        } else if (target.name().equals(status.path("latestReadyRevisionName").asText())) {
            header = target.name() + " (current @latest)";
        } else if (target.name().equals(status.path("latestCreatedRevisionName").asText())) {
            header = target.name() + " (latest created)";
        }
        if (!target.tag().isEmpty()) {
            header += " #" + target.tag();
        }
        if (revision.isPresent()) {
            JsonNode metadata = revision.get().path("metadata");
            header += " [" + metadata.path("labels").path("serving.knative.dev/configurationGeneration").asText("?")
                    + "] (" + Age.of(revision.get(), now) + ")";
        }
        List<String> lines = new ArrayList<>();
        lines.add(bullet(target.percent(), ready) + "  " + header);
        revision.ifPresent(r -> {
            String image = r.path("spec").path("containers").path(0).path("image").asText("");
            if (!image.isEmpty()) {
                lines.add(DETAIL_INDENT + "Image:  " + image);
            }
            if (target.name().equals(status.path("latestCreatedRevisionName").asText())) {
                lines.add(DETAIL_INDENT + "Scale:  " + RevisionScale.bounds(r));
            }
            if (ready.equals("False")) {
                lines.add(DETAIL_INDENT + "Error:  " + Conditions.notReadyReason(r));
            }
        });
        return lines;
    }

    /** kn's bullet: {@code 100%} serving, {@code   +} ready without traffic, {@code !} failed, {@code ?} unknown. */
    static String bullet(long percent, String ready) {
        String symbol = switch (ready) {
            case "True" -> percent > 0 ? "%" : "+";
            case "False" -> "!";
            default -> "?";
        };
        return percent == 0 ? "   " + symbol : String.format("%3d%s", percent, symbol);
    }
}
