package dev.kumo.controller.sinkbinding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.apps.Deployment;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.Service;
import dev.kumo.api.sources.SinkBinding;
import dev.kumo.api.sources.SinkBindingSpec;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.KeyMapper;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A SinkBinding's subject: the Knative Services or Deployments it names, by name or by label selector. */
final class SinkBindingSubjects {

    private SinkBindingSubjects() {
    }

    /** Whether the subject is a Knative Service (the only kind Kumo binds). */
    static boolean isService(SinkBindingSpec.Subject subject) {
        return subject != null && ResourceTypes.SERVICE.kind().equals(subject.kind())
                && subject.apiVersion() != null && subject.apiVersion().startsWith(ResourceTypes.SERVING_GROUP + "/");
    }

    /** Whether the subject is an {@code apps/v1} Deployment. */
    static boolean isDeployment(SinkBindingSpec.Subject subject) {
        return subject != null && ResourceTypes.DEPLOYMENT.kind().equals(subject.kind())
                && ResourceTypes.DEPLOYMENT.apiVersion().equals(subject.apiVersion());
    }

    /** The Deployments the subject names now. */
    static List<Deployment> deployments(TypedStore<Deployment> deployments, SinkBinding binding) {
        SinkBindingSpec.Subject subject = binding.spec().subject();
        String namespace = namespace(binding);
        if (subject.name() != null && !subject.name().isEmpty()) {
            return deployments.get(namespace, subject.name()).stream().toList();
        }
        return deployments.list(namespace, subject.selector().toSelector());
    }

    /** The subject's namespace: its own, else the binding's. */
    static String namespace(SinkBinding binding) {
        String namespace = binding.spec().subject().namespace();
        return namespace == null || namespace.isEmpty() ? binding.metadata().namespace() : namespace;
    }

    /** The Services the subject names now. */
    static List<Service> services(TypedStore<Service> services, SinkBinding binding) {
        SinkBindingSpec.Subject subject = binding.spec().subject();
        String namespace = namespace(binding);
        if (subject.name() != null && !subject.name().isEmpty()) {
            return services.get(namespace, subject.name()).stream().toList();
        }
        return services.list(namespace, subject.selector().toSelector());
    }

    /** The SinkBindings whose subject is a changed Service, so that it is bound again (a user's edit, a new one). */
    static KeyMapper toService(ResourceStore store) {
        return toSubject(store, true);
    }

    /** The SinkBindings whose subject is a changed Deployment. */
    static KeyMapper toDeployment(ResourceStore store) {
        return toSubject(store, false);
    }

    private static KeyMapper toSubject(ResourceStore store, boolean service) {
        return object -> {
            String namespace = object.path("metadata").path("namespace").asText("");
            return store.list(ResourceTypes.SINK_BINDING, ListOptions.in(namespace)).items().stream()
                    .filter(binding -> names(binding, object, service)).map(NamespacedName::of).toList();
        };
    }

    private static boolean names(ObjectNode stored, ObjectNode service, boolean isServiceKind) {
        SinkBinding binding = TypedCodec.decode(stored, SinkBinding.class).value();
        SinkBindingSpec.Subject subject = binding.spec() == null ? null : binding.spec().subject();
        if (isServiceKind ? !isService(subject) : !isDeployment(subject)) {
            return false;
        }
        JsonNode metadata = service.path("metadata");
        if (subject.name() != null && !subject.name().isEmpty()) {
            return subject.name().equals(metadata.path("name").asText());
        }
        Map<String, String> labels = new HashMap<>();
        metadata.path("labels").properties().forEach(label -> labels.put(label.getKey(), label.getValue().asText()));
        return subject.selector() != null && subject.selector().toSelector().matches(labels);
    }
}
