package dev.kumo.controller.testing;

import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.RevisionSpec;
import dev.kumo.api.serving.RevisionTemplateSpec;
import dev.kumo.api.serving.Service;
import dev.kumo.api.serving.ServiceSpec;
import dev.kumo.api.serving.TrafficTarget;
import dev.kumo.api.serving.pod.Container;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Serving objects for tests, built with small option functions: {@code service("default", "hello", image("x"))}. */
public final class Fixtures {

    private Fixtures() {
    }

    @SafeVarargs
    public static Service service(String namespace, String name, UnaryOperator<Service>... options) {
        Service service = Service.of(ObjectMeta.of(namespace, name),
                new ServiceSpec(RevisionTemplateSpec.of(spec("example.com/hello:1")), null));
        for (UnaryOperator<Service> option : options) {
            service = option.apply(service);
        }
        return service;
    }

    public static RevisionSpec spec(String image) {
        return RevisionSpec.builder().containers(List.of(Container.builder().image(image).build()))
                .timeoutSeconds(300L).containerConcurrency(0L).build();
    }

    public static UnaryOperator<Service> image(String image) {
        return s -> s.withSpec(s.spec().withTemplate(s.spec().template().withSpec(spec(image))));
    }

    public static UnaryOperator<Service> labels(Map<String, String> labels) {
        return s -> s.withMetadata(meta(s.metadata(), labels, s.metadata().annotations()));
    }

    public static UnaryOperator<Service> annotations(Map<String, String> annotations) {
        return s -> s.withMetadata(meta(s.metadata(), s.metadata().labels(), annotations));
    }

    public static UnaryOperator<Service> traffic(TrafficTarget... targets) {
        return s -> s.withSpec(s.spec().withTraffic(List.of(targets)));
    }

    /** A bring-your-own Revision name in the template. */
    public static UnaryOperator<Service> revisionName(String name) {
        return s -> s.withSpec(s.spec().withTemplate(s.spec().template()
                .withMetadata(ObjectMeta.named(name))));
    }

    private static ObjectMeta meta(ObjectMeta m, Map<String, String> labels, Map<String, String> annotations) {
        return new ObjectMeta(m.name(), m.generateName(), m.namespace(), m.uid(), m.resourceVersion(), m.generation(),
                m.creationTimestamp(), m.deletionTimestamp(), m.deletionGracePeriodSeconds(), labels, annotations,
                m.ownerReferences(), m.finalizers(), m.managedFields(), m.selfLink());
    }
}
