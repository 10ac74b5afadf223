package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kubernetes' exec probe in a container: the command runs in it through podman's exec API and passes when it exits
 * 0 within the timeout. Empty when it passed, else why not, with the command's last output as the kubelet shows it.
 */
final class ExecProbe {

    private static final int OUTPUT_LINES = 5;

    private ExecProbe() {
    }

    static Optional<String> probe(PodmanClient podman, String container, Probe.Exec exec, Duration timeout) {
        String what = "exec probe " + exec.command();
        try {
            String session = podman.createExec(container, exec.command()).get(timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            List<String> output = podman.startExec(session).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // Once more if the connection closed under the first ask (podman closes the session's own).
            int exitCode = podman.inspectExec(session).exceptionallyCompose(e -> podman.inspectExec(session))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).getInteger("ExitCode", -1);
            return exitCode == 0 ? Optional.empty() : Optional.of(what + " exited with code " + exitCode
                    + lastLines(output));
        } catch (TimeoutException e) {
            // As the kubelet: the command is not killed, the probe counts as failed.
            return Optional.of(what + " timed out after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of(what + " could not run: " + PodmanClient.cause(e.getCause()).getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(what + " was interrupted");
        }
    }

    private static String lastLines(List<String> output) {
        List<String> last = output.subList(Math.max(0, output.size() - OUTPUT_LINES), output.size());
        return last.isEmpty() ? "" : ": " + String.join("\n", last);
    }
}
