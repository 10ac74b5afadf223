package dev.kumo.serving;

import dev.kumo.api.events.ObjectReference;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.events.EventRecorder;
import dev.kumo.runtime.spi.ImagePull;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.serving.deployments.DeploymentInstances;
import dev.kumo.runtime.spi.Termination;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happens to instances, as the kubelet reports it about pods, recorded as Events about their Revision (or
 * Deployment): started,
 * restarted, crashed and backing off ({@code BackOff}, with the exit code and last log line: a crash loop is one
 * Event whose count grows), OOM-killed, failed (a failed image pull too), unhealthy and stopped ({@code Killing}).
 * How each image was had is recorded once per instance, in the kubelet's words: {@code Pulling} and {@code Pulled}
 * ("Successfully pulled image …"), {@code Pulled} "already present on machine", or a Warning {@code Failed} when the
 * pull failed and the local copy ran. A listener of the runtime of its own, apart from {@link RuntimeInstances}.
 */
final class InstanceEvents implements InstanceListener {

    private final EventRecorder events;
    private final Map<String, Class<?>> lastState = new ConcurrentHashMap<>();
    private final Map<String, Integer> imagesTold = new ConcurrentHashMap<>();

    InstanceEvents(EventRecorder events) {
        this.events = events;
    }

    @Override
    public void changed(Instance instance) {
        InstanceState state = instance.state();
        ObjectReference about = about(instance);
        pulls(about, instance);
        if (state.terminal()) {
            imagesTold.remove(instance.id());
        }
        Class<?> before = state.terminal() ? lastState.remove(instance.id())
                : lastState.put(instance.id(), state.getClass());
        if (state.getClass().equals(before)) {
            return;
        }
        String id = instance.id();
        switch (state) {
            case InstanceState.Starting starting -> {
                if (before == null) {
                    events.normal(about, "Started", "Started instance " + id);
                } else if (before == InstanceState.CrashLoopBackOff.class) {
                    events.normal(about, "Restarted", "Restarted instance " + id + " after it ended");
                }
            }
            case InstanceState.CrashLoopBackOff crash -> {
                Termination ended = crash.lastTermination();
                if (ended.oomKilled()) {
                    events.warning(about, "OOMKilled", "Instance " + id + " was killed for going over its memory"
                            + " limit" + lastLine(ended.lastLogLines()));
                }
                events.warning(about, "BackOff", "Back-off restarting failed instance " + id + ": "
                        + summary(ended));
            }
            case InstanceState.Failed failed -> {
                Termination ended = failed.termination();
                if (ended.reason().contains("ErrImagePull: ")) {
                    events.normal(about, "Pulling", "Pulling image for instance " + id);
                    events.warning(about, "Failed", "Failed to pull image: "
                            + ended.reason().substring(ended.reason().indexOf("ErrImagePull: ") + 14));
                    events.warning(about, "BackOff", "Back-off pulling image of " + about.name());
                } else {
                    events.warning(about, ended.oomKilled() ? "OOMKilled" : "Failed", "Instance " + id
                            + " failed: " + summary(ended));
                }
            }
            case InstanceState.Unhealthy unhealthy -> events.warning(about, "Unhealthy", unhealthy.reason() + ": "
                    + unhealthy.message());
            case InstanceState.Stopped stopped -> events.normal(about, "Killing", "Stopping instance " + id);
            default -> { }
        }
    }

    /**
     * The Revision an instance runs for; a Deployment's instances are recorded about their Deployment (its
     * ReplicaSets are only views of them), as kubectl describe deployment shows them.
     */
    private static ObjectReference about(Instance instance) {
        return DeploymentInstances.deployment(instance.revision())
                .map(name -> EventRecorder.about(ResourceTypes.DEPLOYMENT, instance.revision().namespace(), name))
                .orElseGet(() -> EventRecorder.about(ResourceTypes.REVISION, instance.revision().namespace(),
                        instance.revision().revision()));
    }

    /** The image pulls of {@code instance} not recorded yet. */
    private void pulls(ObjectReference about, Instance instance) {
        List<ImagePull> images = instance.images();
        int told = imagesTold.getOrDefault(instance.id(), 0);
        if (images.size() <= told) {
            return;
        }
        imagesTold.put(instance.id(), images.size());
        for (ImagePull pull : images.subList(told, images.size())) {
            switch (pull.outcome()) {
                case PRESENT -> events.normal(about, "Pulled", pull.message());
                case PULLED -> {
                    events.normal(about, "Pulling", "Pulling image \"" + pull.image() + "\"");
                    events.normal(about, "Pulled", pull.message());
                }
                case PULL_FAILED_RAN_LOCAL -> {
                    events.normal(about, "Pulling", "Pulling image \"" + pull.image() + "\"");
                    events.warning(about, "Failed", pull.message());
                }
            }
        }
    }

    /** The reason, exit code and last log line of a run: the same for each crash of a crash loop. */
    private static String summary(Termination ended) {
        StringBuilder text = new StringBuilder(ended.reason());
        ended.exitCode().ifPresent(code -> text.append(" (exit code ").append(code).append(')'));
        return text + lastLine(ended.lastLogLines());
    }

    private static String lastLine(List<String> lines) {
        return lines.isEmpty() ? "" : "; last log line: " + lines.get(lines.size() - 1);
    }
}
