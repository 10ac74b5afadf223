package dev.kumo.serving;

import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.api.serving.pod.Container;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which runtime runs a Revision, decided here and nowhere else, from its serving container and annotations and the
 * server's {@link RuntimeSettings}:
 * <ol>
 *   <li>the annotation {@code kumo.dev/runtime: process|container} forces that runtime;</li>
 *   <li>a container with no image runs as a process (its {@code command});</li>
 *   <li>a container with an image and no command runs in the container runtime;</li>
 *   <li>a container with both runs in the default runtime ({@code default-runtime}).</li>
 * </ol>
 * A runtime that is not on is answered with {@link Choice.NotOn}, saying why, which the Revision's status shows.
 */
public final class RuntimeChoice {

    /** What the rule answers for one Revision. */
    public sealed interface Choice {

        /** {@code runtime} runs the Revision. */
        record Run(RuntimeName runtime) implements Choice {
        }

        /** The runtime the Revision needs is not on; {@code reason} names it and the fix. */
        record NotOn(String reason) implements Choice {
        }
    }

    private final RuntimeSettings settings;

    public RuntimeChoice(RuntimeSettings settings) {
        this.settings = settings;
    }

    /** The runtime for {@code revision}'s serving container. */
    public Choice of(Revision revision) {
        return of(revision.metadata().annotationsOrEmpty(), WorkloadSpecs.servingContainer(revision));
    }

    /** The runtime for {@code container} under {@code annotations} (a Revision's). */
    Choice of(Map<String, String> annotations, Container container) {
        Optional<String> image = Optional.ofNullable(container.image()).filter(i -> !i.isEmpty());
        boolean command = container.command() != null && !container.command().isEmpty();
        String forced = annotations.get(RuntimeName.ANNOTATION);
        if (forced != null) {
            // Admission refuses an unknown name; one stored before that check is named here.
            return RuntimeName.parse(forced).map(name -> on(name, () -> RuntimeName.ANNOTATION + ": " + forced
                    + " asks for the " + forced + " runtime, which is not on in this server (runtimes on: "
                    + names() + "); remove the annotation or turn that runtime on"))
                    .orElseGet(() -> new Choice.NotOn(RuntimeName.ANNOTATION + ": unknown runtime \"" + forced
                            + "\"; want one of " + String.join(", ", RuntimeName.allowed())));
        }
        if (image.isEmpty()) {
            return on(RuntimeName.PROCESS, () -> "container has no image: only the process runtime runs its "
                    + "command, and it is not on in this server (runtimes on: " + names() + ")");
        }
        if (!command) {
            return on(RuntimeName.CONTAINER, () -> "container has image " + image.get() + " and no command: it runs "
                    + "in the container runtime, which is not on in this server (runtimes on: " + names() + "); add "
                    + "container to the server's runtimes config key (runtimes: [process, container]), or give the "
                    + "container a command to run as a process");
        }
        return new Choice.Run(settings.defaultRuntime());
    }

    private Choice on(RuntimeName runtime, Supplier<String> whyNot) {
        return settings.on().contains(runtime) ? new Choice.Run(runtime) : new Choice.NotOn(whyNot.get());
    }

    private String names() {
        return RuntimeSettings.names(settings.on());
    }
}
