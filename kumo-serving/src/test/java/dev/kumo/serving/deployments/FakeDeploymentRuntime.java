package dev.kumo.serving.deployments;

import dev.kumo.api.apps.Deployment;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runtimes for Deployments with their semantics kept: started instances begin Starting and run until stopped, in
 * start order; a template whose first container's image is {@code bad} cannot start.
 */
final class FakeDeploymentRuntime implements DeploymentRuntime {

    private final List<Instance> running = new ArrayList<>();
    final List<String> started = new ArrayList<>();
    final List<String> stopped = new ArrayList<>();
    private int next;

    /** An instance of {@code deployment} with template {@code hash} already running, ready or not. */
    FakeDeploymentRuntime with(String id, String deployment, String hash, boolean ready) {
        running.add(instance(id, deployment, hash, ready));
        return this;
    }

    /** An instance of {@code deployment} with template {@code hash}, ready since {@code since}. */
    FakeDeploymentRuntime readySince(String id, String deployment, String hash, Instant since) {
        running.add(new Instance(id, DeploymentInstances.ref("default", deployment, hash),
                new InstanceState.Ready(InstanceAddress.loopback(40000), since, since), 0));
        return this;
    }

    @Override
    public List<Instance> instances(String namespace, String deployment) {
        return running.stream().filter(i -> i.revision().namespace().equals(namespace)
                && DeploymentInstances.deployment(i.revision()).equals(Optional.of(deployment))).toList();
    }

    @Override
    public int stopping(String namespace, String deployment) {
        return 0; // stops here are immediate
    }

    @Override
    public Instance start(Deployment deployment, String hash) {
        if ("bad".equals(deployment.spec().template().spec().containers().getFirst().image())) {
            throw new IllegalArgumentException("image bad: no such image");
        }
        Instance instance = instance("new-" + next++, deployment.metadata().name(), hash, false);
        running.add(instance);
        started.add(instance.id());
        return instance;
    }

    @Override
    public void stop(Instance instance) {
        running.removeIf(i -> i.id().equals(instance.id()));
        stopped.add(instance.id());
    }

    @Override
    public void onChange(Consumer<NamespacedName> listener) {
    }

    private static Instance instance(String id, String deployment, String hash, boolean ready) {
        InstanceState state = ready ? new InstanceState.Ready(InstanceAddress.loopback(40000), Instant.EPOCH,
                Instant.EPOCH) : new InstanceState.Starting(Instant.EPOCH, Optional.empty());
        return new Instance(id, DeploymentInstances.ref("default", deployment, hash), state, 0);
    }
}
