package dev.kumo.serving.deployments;

import dev.kumo.api.apps.Deployment;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.runtime.spi.Instance;
import java.util.List;
import java.util.function.Consumer;

/** What the Deployment reconciler needs of the runtimes (implemented by kumo-serving's {@code DeploymentRunner}). */
public interface DeploymentRuntime {

    /** The instances of {@code deployment} that run (not those being stopped), of every template. */
    List<Instance> instances(String namespace, String deployment);

    /**
     * Starts one instance of {@code deployment}'s template, whose hash is {@code hash}; an
     * {@link IllegalArgumentException} says why the template cannot run (a missing ConfigMap, no runtime for it).
     */
    Instance start(Deployment deployment, String hash);

    /** How many of {@code deployment}'s instances were told to stop and have not ended yet. */
    int stopping(String namespace, String deployment);

    /** Stops {@code instance}; it no longer counts among {@link #instances} from now on. */
    void stop(Instance instance);

    /** Calls {@code listener} with the Deployment whose instance changed. */
    void onChange(Consumer<NamespacedName> listener);
}
