package dev.kumo.controller.sinkbinding;

import dev.kumo.api.apps.Deployment;
import static dev.kumo.api.sources.lifecycle.SourceConditions.SINK_BINDING_AVAILABLE;

import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.Service;
import dev.kumo.api.sources.SinkBinding;
import dev.kumo.api.sources.SinkBindingSpec;
import dev.kumo.api.sources.lifecycle.SourceConditions;
import dev.kumo.controller.client.MetadataEdits;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.sinkbinding.resources.MakeBinding;
import dev.kumo.controller.source.Sinks;
import dev.kumo.controller.source.SourceLifecycle;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a SinkBinding's subject Services or Deployments to its sink as Knative does: {@code K_SINK} (and
 * {@code K_CE_OVERRIDES}) in every container of the subject's template, so its next Revision (or rollout) has them.
 * A finalizer holds the binding's deletion until the variables are taken out again.
 */
public final class SinkBindingReconciler implements Reconciler {

    static final String FINALIZER = "sinkbindings.sources.knative.dev";
    static final String SUBJECT_UNSUPPORTED = "SubjectUnsupported";
    static final String SUBJECT_MISSING = "SubjectMissing";

    private final TypedStore<SinkBinding> bindings;
    private final TypedStore<Service> services;
    private final TypedStore<Deployment> deployments;
    private final Sinks sinks;
    private final InstantSource clock;

    SinkBindingReconciler(TypedStore<SinkBinding> bindings, TypedStore<Service> services,
            TypedStore<Deployment> deployments, Sinks sinks, InstantSource clock) {
        this.bindings = bindings;
        this.services = services;
        this.deployments = deployments;
        this.sinks = sinks;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<SinkBinding> found = bindings.get(key.namespace(), key.name());
        if (found.isEmpty()) {
            sinks.forget(key);
            return Result.done();
        }
        SinkBinding binding = found.get();
        List<String> finalizers = binding.metadata().finalizers() == null ? List.of()
                : binding.metadata().finalizers();
        if (binding.metadata().deletionTimestamp() != null) {
            if (finalizers.contains(FINALIZER)) {
                unbind(key, binding);
            }
            return Result.done();
        }
        SinkBinding held = finalizers.contains(FINALIZER) ? binding : holdDeletion(binding, finalizers);
        SourceLifecycle status = new SourceLifecycle(held.status(), SourceConditions.SINK_BINDING, clock);
        sinks.resolve(key, held.spec().sink(), status).ifPresent(sink -> bind(held, sink, status));
        long generation = held.metadata().generation() == null ? 0 : held.metadata().generation();
        bindings.updateStatusIfChanged(held, held.withStatus(status.toStatus(generation)), SinkBinding::status);
        return Result.done();
    }

    /** Adds the finalizer, so that a deletion waits for the Services to be unbound. */
    private SinkBinding holdDeletion(SinkBinding binding, List<String> finalizers) {
        List<String> more = new ArrayList<>(finalizers);
        more.add(FINALIZER);
        return bindings.update(binding.withMetadata(MetadataEdits.withFinalizers(binding.metadata(), more)));
    }

    private void bind(SinkBinding binding, URI sink, SourceLifecycle status) {
        SinkBindingSpec.Subject subject = binding.spec().subject();
        if (SinkBindingSubjects.isDeployment(subject)) {
            bindDeployments(binding, sink, status);
            return;
        }
        if (!SinkBindingSubjects.isService(subject)) {
            status.markFalse(SINK_BINDING_AVAILABLE, SUBJECT_UNSUPPORTED, "spec.subject: Kumo binds Knative Services "
                    + "(apiVersion serving.knative.dev/v1, kind Service) and Deployments (apiVersion apps/v1), not "
                    + subject.kind() + " (" + subject.apiVersion() + ")");
            return;
        }
        List<Service> subjects = SinkBindingSubjects.services(services, binding);
        if (subject.name() != null && !subject.name().isEmpty() && subjects.isEmpty()) {
            status.markFalse(SINK_BINDING_AVAILABLE, SUBJECT_MISSING, "spec.subject: Service \"" + subject.name()
                    + "\" not found in namespace " + SinkBindingSubjects.namespace(binding));
            return;
        }
        Map<String, String> env = env(binding, sink);
        for (Service service : subjects) {
            Service bound = MakeBinding.bound(service, env);
            if (!Json.toTree(bound.spec()).equals(Json.toTree(service.spec()))) {
                services.update(bound);
            }
        }
        status.markTrue(SINK_BINDING_AVAILABLE);
    }

    /** The env in every container of the subject Deployments' pod templates: their next rollout has them. */
    private void bindDeployments(SinkBinding binding, URI sink, SourceLifecycle status) {
        SinkBindingSpec.Subject subject = binding.spec().subject();
        List<Deployment> subjects = SinkBindingSubjects.deployments(deployments, binding);
        if (subject.name() != null && !subject.name().isEmpty() && subjects.isEmpty()) {
            status.markFalse(SINK_BINDING_AVAILABLE, SUBJECT_MISSING, "spec.subject: Deployment \"" + subject.name()
                    + "\" not found in namespace " + SinkBindingSubjects.namespace(binding));
            return;
        }
        Map<String, String> env = env(binding, sink);
        for (Deployment deployment : subjects) {
            Deployment bound = MakeBinding.bound(deployment, env);
            if (!Json.toTree(bound.spec()).equals(Json.toTree(deployment.spec()))) {
                deployments.update(bound);
            }
        }
        status.markTrue(SINK_BINDING_AVAILABLE);
    }

    /** Takes the variables out of the subject Services or Deployments, then lets the deletion proceed. */
    private void unbind(NamespacedName key, SinkBinding binding) {
        if (SinkBindingSubjects.isDeployment(binding.spec().subject())) {
            for (Deployment deployment : SinkBindingSubjects.deployments(deployments, binding)) {
                Deployment unbound = MakeBinding.unbound(deployment);
                if (!Json.toTree(unbound.spec()).equals(Json.toTree(deployment.spec()))) {
                    deployments.update(unbound);
                }
            }
        }
        if (SinkBindingSubjects.isService(binding.spec().subject())) {
            for (Service service : SinkBindingSubjects.services(services, binding)) {
                Service unbound = MakeBinding.unbound(service);
                if (!Json.toTree(unbound.spec()).equals(Json.toTree(service.spec()))) {
                    services.update(unbound);
                }
            }
        }
        List<String> rest = binding.metadata().finalizers().stream().filter(f -> !f.equals(FINALIZER)).toList();
        bindings.update(binding.withMetadata(MetadataEdits.withFinalizers(binding.metadata(), rest)));
        sinks.forget(key);
    }

    private static Map<String, String> env(SinkBinding binding, URI sink) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(MakeBinding.K_SINK, sink.toString());
        if (binding.spec().ceOverrides() != null && binding.spec().ceOverrides().extensions() != null
                && !binding.spec().ceOverrides().extensions().isEmpty()) {
            env.put(MakeBinding.K_CE_OVERRIDES, Json.write(binding.spec().ceOverrides()));
        }
        return env;
    }
}
