package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * A share of a Route's traffic: a Revision pinned by name or the latest ready Revision of a Configuration, with an
 * optional {@code tag} that gets its own URL; {@code url} is output only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrafficTarget(
        String tag,
        String revisionName,
        String configurationName,
        Boolean latestRevision,
        Long percent,
        String url) {

    /** All traffic to the latest ready Revision: a Service's default. */
    public static TrafficTarget latest(long percent) {
        return new TrafficTarget(null, null, null, true, percent, null);
    }

    /** A share for a Revision pinned by name. */
    public static TrafficTarget revision(String revisionName, long percent) {
        return new TrafficTarget(null, revisionName, null, null, percent, null);
    }

    public TrafficTarget withTag(String value) {
        return new TrafficTarget(value, revisionName, configurationName, latestRevision, percent, url);
    }

    public TrafficTarget withLatestRevision(Boolean value) {
        return new TrafficTarget(tag, revisionName, configurationName, value, percent, url);
    }

    public TrafficTarget withPercent(Long value) {
        return new TrafficTarget(tag, revisionName, configurationName, latestRevision, value, url);
    }

    public TrafficTarget withUrl(String value) {
        return new TrafficTarget(tag, revisionName, configurationName, latestRevision, percent, value);
    }

    public Optional<String> tagName() {
        return Optional.ofNullable(tag).filter(t -> !t.isEmpty());
    }

    public Optional<String> pinnedRevision() {
        return Optional.ofNullable(revisionName).filter(r -> !r.isEmpty());
    }
}
