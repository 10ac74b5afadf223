package dev.kumo.server;

import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.build.run.BuildControllers;

/** {@code GET …/buildruns/NAME/log}: a BuildRun's log as the API server streams a Revision's. */
final class BuildRunLogs implements RevisionLogs {

    private final BuildControllers builds;

    BuildRunLogs(BuildControllers builds) {
        this.builds = builds;
    }

    @Override
    public Stream open(String namespace, String name, int tailLines, boolean follow, Sink sink) {
        AutoCloseable handle = builds.log(namespace, name, tailLines, follow, sink::line, sink::end);
        return () -> {
            try {
                handle.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the log of buildrun " + name, e);
            }
        };
    }
}
