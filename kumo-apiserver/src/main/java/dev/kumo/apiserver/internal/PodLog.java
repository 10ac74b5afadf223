package dev.kumo.apiserver.internal;

import dev.kumo.apiserver.PodLogs;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * {@code GET …/pods/NAME/log} with kubectl's parameters ({@code container}, {@code tailLines}, {@code follow},
 * {@code previous}, {@code sinceSeconds} or {@code sinceTime}, {@code timestamps}): the Pod's instance's output as
 * plain text; 404 or 400 before anything is streamed.
 */
final class PodLog {

    private final PodLogs logs;
    private final InstantSource clock;

    PodLog(PodLogs logs, InstantSource clock) {
        this.logs = logs;
        this.clock = clock;
    }

    Reply serve(ApiRequest request, Target target) {
        if (!request.method().equals("GET")) {
            throw ApiHandler.methodNotAllowed(request.method());
        }
        Optional<Integer> tailLines = request.param("tailLines").map(LogParams::tailLines);
        Optional<Instant> since = LogParams.since(request, clock.instant());
        PodLogs.Opened opened = logs.open(target.namespaceOrEmpty(), target.requireName(),
                new PodLogs.Options(request.param("container").filter(c -> !c.isEmpty()), tailLines,
                        request.flag("follow"), request.flag("previous"), since, request.flag("timestamps")));
        return new Reply.Stream(new LogStream(opened::stream));
    }
}
