package dev.kumo.controller.testing;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.meta.OwnerReference;
import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.ConfigurationSpec;
import dev.kumo.api.serving.ConfigurationStatus;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RevisionStatus;
import dev.kumo.api.serving.RevisionTemplateSpec;
import dev.kumo.api.serving.Route;
import dev.kumo.api.serving.RouteSpec;
import dev.kumo.api.serving.TrafficTarget;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Configurations, Revisions and Routes for reconciler tables, with option functions. */
public final class Objects {

    private Objects() {
    }

    @SafeVarargs
    public static Configuration configuration(String name, UnaryOperator<Configuration>... options) {
        Configuration c = Configuration.of(ObjectMeta.of("default", name),
                new ConfigurationSpec(RevisionTemplateSpec.of(Fixtures.spec("example.com/hello:1"))));
        for (UnaryOperator<Configuration> option : options) {
            c = option.apply(c);
        }
        return c;
    }

    public static UnaryOperator<Configuration> configGeneration(long generation) {
        return c -> c.withMetadata(edit(c.metadata(), m -> m.generation = generation));
    }

    public static UnaryOperator<Configuration> byoName(String name) {
        return c -> c.withSpec(new ConfigurationSpec(c.spec().template().withMetadata(ObjectMeta.named(name))));
    }

    public static UnaryOperator<Configuration> configStatus(String latestCreated, String latestReady,
            Condition... conditions) {
        return c -> c.withStatus(new ConfigurationStatus(c.metadata().generation() == null ? 1L
                : c.metadata().generation(), List.of(conditions), null, latestReady, latestCreated));
    }

    @SafeVarargs
    public static Revision revision(String name, UnaryOperator<Revision>... options) {
        Revision r = Revision.of(ObjectMeta.of("default", name), Fixtures.spec("example.com/hello:1"));
        for (UnaryOperator<Revision> option : options) {
            r = option.apply(r);
        }
        return r;
    }

    /** Stamped by Configuration {@code config} at {@code generation}, as the Configuration reconciler does. */
    public static UnaryOperator<Revision> ofConfiguration(String config, long generation) {
        return r -> r.withMetadata(edit(r.metadata(), m -> {
            m.labels.put("serving.knative.dev/configuration", config);
            m.labels.put("serving.knative.dev/configurationGeneration", Long.toString(generation));
            m.owners = List.of(controller("Configuration", config));
        }));
    }

    public static UnaryOperator<Revision> revisionAnnotations(Map<String, String> annotations) {
        return r -> r.withMetadata(edit(r.metadata(), m -> m.annotations = annotations));
    }

    public static UnaryOperator<Revision> revisionConditions(Condition... conditions) {
        return r -> r.withStatus(RevisionStatus.EMPTY.withConditions(1, List.of(conditions)));
    }

    public static UnaryOperator<Revision> ready() {
        return revisionConditions(condition("ContainerHealthy", "True"), condition("Ready", "True"),
                condition("ResourcesAvailable", "True"));
    }

    public static UnaryOperator<Revision> failed(String reason, String message) {
        return revisionConditions(condition("ContainerHealthy", "False", reason, message),
                condition("Ready", "False", reason, message), condition("ResourcesAvailable", "Unknown"));
    }

    public static Route route(String name, TrafficTarget... traffic) {
        return Route.of(ObjectMeta.of("default", name), new RouteSpec(List.of(traffic)));
    }

    public static TrafficTarget latestOf(String configuration, long percent) {
        return new TrafficTarget(null, null, configuration, true, percent, null);
    }

    public static OwnerReference controller(String kind, String name) {
        return new OwnerReference("serving.knative.dev/v1", kind, name, null, true, true);
    }

    public static Condition condition(String type, String status) {
        return Condition.of(type, status);
    }

    public static Condition condition(String type, String status, String reason, String message) {
        return new Condition(type, status, null, null, reason, message);
    }

    /** Mutable metadata fields for option functions. */
    public static final class MetaEdit {
        public Long generation;
        public Map<String, String> labels;
        public List<OwnerReference> owners;
        public Map<String, String> annotations;
    }

    public static ObjectMeta edit(ObjectMeta m, java.util.function.Consumer<MetaEdit> change) {
        MetaEdit edit = new MetaEdit();
        edit.generation = m.generation();
        edit.labels = new TreeMap<>(m.labelsOrEmpty());
        edit.owners = m.ownerReferences();
        edit.annotations = m.annotations();
        change.accept(edit);
        return new ObjectMeta(m.name(), m.generateName(), m.namespace(), m.uid(), m.resourceVersion(), edit.generation,
                m.creationTimestamp(), m.deletionTimestamp(), m.deletionGracePeriodSeconds(),
                edit.labels.isEmpty() ? null : edit.labels, edit.annotations, edit.owners, m.finalizers(),
                m.managedFields(), m.selfLink());
    }
}
