package dev.kumo.api.sources.defaults;

import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ApiServerSourceSpec;
import dev.kumo.api.sources.ContainerSource;
import dev.kumo.api.sources.PingSource;
import dev.kumo.api.sources.PingSourceSpec;
import dev.kumo.api.sources.PodTemplate;
import dev.kumo.api.sources.SinkBinding;
import dev.kumo.api.sources.SinkBindingSpec;
import java.util.ArrayList;
import java.util.List;

/** Knative's SetDefaults for each source kind, applied on create and on every update. */
public final class SourceDefaults {

    private SourceDefaults() {
    }

    /** The schedule defaults to every minute. */
    public static PingSource ping(PingSource value) {
        PingSourceSpec spec = value.spec() == null ? PingSourceSpec.EMPTY : value.spec();
        return value.withSpec(spec.schedule() == null || spec.schedule().isEmpty()
                ? spec.withSchedule(PingSourceSpec.DEFAULT_SCHEDULE) : spec);
    }

    /** The mode defaults to {@code Reference} and the service account to {@code default}. */
    public static ApiServerSource apiServer(ApiServerSource value) {
        ApiServerSourceSpec spec = value.spec() == null ? ApiServerSourceSpec.EMPTY : value.spec();
        if (spec.mode() == null || spec.mode().isEmpty()) {
            spec = spec.withMode(ApiServerSource.REFERENCE_MODE);
        }
        if (spec.serviceAccountName() == null || spec.serviceAccountName().isEmpty()) {
            spec = spec.withServiceAccountName("default");
        }
        return value.withSpec(spec);
    }

    /** The subject and the sink's ref default to the binding's namespace. */
    public static SinkBinding sinkBinding(SinkBinding value) {
        String namespace = value.metadata() == null ? null : value.metadata().namespace();
        SinkBindingSpec spec = value.spec() == null ? SinkBindingSpec.EMPTY : value.spec();
        if (spec.subject() != null && (spec.subject().namespace() == null || spec.subject().namespace().isEmpty())) {
            spec = spec.withSubject(spec.subject().withNamespace(namespace));
        }
        return value.withSpec(spec.sink() == null ? spec : spec.withSink(spec.sink().withDefaultNamespace(namespace)));
    }

    /** Unnamed containers are named {@code SOURCE-INDEX}. */
    public static ContainerSource container(ContainerSource value) {
        if (value.spec() == null || value.spec().template() == null || value.spec().template().spec() == null) {
            return value;
        }
        String name = value.metadata() == null ? null : value.metadata().name();
        PodTemplate template = value.spec().template();
        List<Container> containers = new ArrayList<>();
        List<Container> given = template.spec().containersOrEmpty();
        for (int i = 0; i < given.size(); i++) {
            Container container = given.get(i);
            containers.add(container.name() == null || container.name().isEmpty()
                    ? container.toBuilder().name(name + "-" + i).build() : container);
        }
        return value.withSpec(value.spec().withTemplate(template.withSpec(template.spec().withContainers(
                template.spec().containers() == null ? null : containers))));
    }
}
