package dev.kumo.apiserver.internal;

import dev.kumo.apiserver.PodLogs;
import java.util.Optional;

/**
 * {@code GET …/pods/NAME/log} with kubectl's parameters ({@code container}, {@code tailLines}, {@code follow},
 * {@code previous}): the Pod's instance's output as plain text; 404 or 400 before anything is streamed.
 */
final class PodLog {

    private final PodLogs logs;

    PodLog(PodLogs logs) {
        this.logs = logs;
    }

    Reply serve(ApiRequest request, Target target) {
        if (!request.method().equals("GET")) {
            throw ApiHandler.methodNotAllowed(request.method());
        }
        Optional<Integer> tailLines = request.param("tailLines").map(RevisionSubresources::tailLines);
        PodLogs.Opened opened = logs.open(target.namespaceOrEmpty(), target.requireName(),
                new PodLogs.Options(request.param("container").filter(c -> !c.isEmpty()), tailLines,
                        request.flag("follow"), request.flag("previous")));
        return new Reply.Stream(new LogStream(opened::stream));
    }
}
