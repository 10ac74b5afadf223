package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.apiserver.RevisionAutoscalingView;
import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.store.ResourceStore;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The read-only subresources Kumo adds to a Revision, like a Pod's {@code log}: {@code log} (its instances'
 * output, streamed, with the Pod log's parameters; a follow lasts while the Revision exists) and {@code autoscaling}
 * (the autoscaler's state and last decisions, as JSON). Both answer 404 when the Revision does not exist.
 */
final class RevisionSubresources {

    static final Set<String> NAMES = Set.of("log", "autoscaling");
    private static final int DEFAULT_TAIL_LINES = 100;

    private final Writes writes;
    private final ResourceStore store;
    private final RevisionLogs logs;
    private final Optional<RevisionAutoscalingView> autoscaling;
    private final InstantSource clock;

    RevisionSubresources(Writes writes, ResourceStore store, RevisionLogs logs,
            Optional<RevisionAutoscalingView> autoscaling, InstantSource clock) {
        this.writes = writes;
        this.store = store;
        this.logs = logs;
        this.autoscaling = autoscaling;
        this.clock = clock;
    }

    /** Answers {@code GET …/revisions/NAME/{log,autoscaling}}; other methods get 405. */
    Reply serve(ApiRequest request, Target target) {
        if (!request.method().equals("GET")) {
            throw ApiHandler.methodNotAllowed(request.method());
        }
        ObjectNode revision = writes.existing(target);
        return target.subresource().orElseThrow().equals("log") ? log(request, target, revision)
                : autoscaling(target);
    }

    /**
     * {@code ?tailLines=N} (100 by default), {@code follow}, {@code sinceSeconds} or {@code sinceTime},
     * {@code timestamps}, {@code previous} (the runs that ended; never followed) and {@code container}.
     */
    private Reply log(ApiRequest request, Target target, ObjectNode revision) {
        int tailLines = request.param("tailLines").map(LogParams::tailLines).orElse(DEFAULT_TAIL_LINES);
        Optional<Instant> since = LogParams.since(request, clock.instant());
        Optional<RevisionLogs.Container> container = request.param("container").filter(name -> !name.isEmpty())
                .map(name -> RevisionContainers.named(revision, name));
        boolean previous = request.flag("previous");
        RevisionLogs.Options options = new RevisionLogs.Options(tailLines, request.flag("follow") && !previous,
                since, request.flag("timestamps"), previous, container);
        String namespace = target.namespaceOrEmpty();
        String name = target.requireName();
        if (!options.follow()) {
            return new Reply.Stream(new LogStream(sink -> logs.open(namespace, name, options, sink)));
        }
        long resourceVersion = Long.parseLong(revision.path("metadata").path("resourceVersion").asText("0"));
        return new Reply.Stream(new LogStream(sink -> RevisionLogFollow.start(store, target.type(), namespace, name,
                resourceVersion, opened -> logs.open(namespace, name, options, opened), sink)));
    }

    private Reply autoscaling(Target target) {
        String name = target.requireName();
        String resource = target.type().storageKey();
        if (autoscaling.isEmpty()) {
            throw notFound(resource, name, "this server runs no autoscaler (it was started without Serving)");
        }
        RevisionAutoscalingView.State state = autoscaling.get().of(target.namespaceOrEmpty(), name)
                .orElseThrow(() -> notFound(resource, name, "the autoscaler is not scaling it (yet)"));
        return Reply.Body.json(200, document(state));
    }

    /**
     * The JSON answer: the state now, then the decisions, oldest first, times in RFC 3339 to the millisecond
     * (a decision comes every tick, several a second).
     */
    static ObjectNode document(RevisionAutoscalingView.State state) {
        ObjectNode document = Json.object().put("desiredScale", state.desiredScale())
                .put("actualScale", state.actualScale()).put("panicking", state.panicking())
                .put("activatorInPath", state.activatorInPath())
                .put("excessBurstCapacity", state.excessBurstCapacity());
        ArrayNode decisions = document.putArray("decisions");
        for (RevisionAutoscalingView.Decision decision : state.decisions()) {
            decisions.addObject().put("at", decision.at().truncatedTo(ChronoUnit.MILLIS).toString())
                    .put("desiredScale", decision.desiredScale())
                    .put("excessBurstCapacity", decision.excessBurstCapacity())
                    .put("panicking", decision.panicking()).put("activatorInPath", decision.activatorInPath())
                    .put("reason", decision.reason());
        }
        return document;
    }

    private static ApiException notFound(String resource, String name, String why) {
        return new ApiException(StatusReason.NotFound, resource + " \"" + name + "\" has no autoscaling state: "
                + why, resource, name, List.of());
    }
}
