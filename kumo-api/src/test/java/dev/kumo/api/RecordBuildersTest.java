package dev.kumo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.eventing.BrokerStatus;
import dev.kumo.api.eventing.TriggerStatus;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.meta.OwnerReference;
import dev.kumo.api.serving.ConfigurationStatus;
import dev.kumo.api.serving.RevisionSpec;
import dev.kumo.api.serving.RevisionStatus;
import dev.kumo.api.serving.RouteStatus;
import dev.kumo.api.serving.ServiceStatus;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.Probe;
import dev.kumo.api.serving.pod.Volume;
import dev.kumo.api.sources.ApiServerSourceSpec;
import dev.kumo.api.sources.PodTemplate;
import dev.kumo.api.sources.SourceStatus;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every builder of a record sets each component through the step of the same name, {@code toBuilder()} keeps every
 * field, and an untouched builder builds the all-absent record; the JSON of a built record is the constructor's.
 */
class RecordBuildersTest {

    @ParameterizedTest
    @ValueSource(classes = {ObjectMeta.class, Container.class, RevisionSpec.class, Probe.class, Volume.class,
            ApiServerSourceSpec.class, PodTemplate.Spec.class, ServiceStatus.class, ConfigurationStatus.class,
            RevisionStatus.class, RouteStatus.class, BrokerStatus.class, TriggerStatus.class, SourceStatus.class})
    void eachStepSetsItsOwnComponentAndToBuilderKeepsThemAll(Class<?> type) throws Exception {
        Object sample = sample(type, type.getSimpleName(), 1);
        Object builder = type.getMethod("builder").invoke(null);
        for (RecordComponent component : type.getRecordComponents()) {
            builder.getClass().getMethod(component.getName(), component.getType())
                    .invoke(builder, component.getAccessor().invoke(sample));
        }
        Method build = builder.getClass().getMethod("build");
        assertThat(build.invoke(builder)).isEqualTo(sample);
        Object copy = type.getMethod("toBuilder").invoke(sample);
        assertThat(build.invoke(copy)).isEqualTo(sample);
    }

    @ParameterizedTest
    @ValueSource(classes = {ObjectMeta.class, Container.class, RevisionSpec.class, Probe.class, Volume.class,
            ApiServerSourceSpec.class, PodTemplate.Spec.class, ServiceStatus.class, ConfigurationStatus.class,
            RevisionStatus.class, RouteStatus.class, BrokerStatus.class, TriggerStatus.class, SourceStatus.class})
    void anUntouchedBuilderBuildsTheRecordWithNothingSet(Class<?> type) throws Exception {
        Object builder = type.getMethod("builder").invoke(null);
        Object built = builder.getClass().getMethod("build").invoke(builder);
        for (RecordComponent component : type.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(built)).as(component.getName()).isNull();
        }
        assertThat(Json.mapper().writeValueAsString(built)).isEqualTo("{}");
    }

    @Test
    void objectMetaFactoriesTakeTheNamespaceFirst() {
        assertThat(ObjectMeta.of("default", "hello")).isEqualTo(new ObjectMeta("hello", null, "default", null, null,
                null, null, null, null, null, null, null, null, null, null));
        assertThat(ObjectMeta.named("hello")).isEqualTo(ObjectMeta.of(null, "hello"));
        assertThat(ObjectMeta.EMPTY).isEqualTo(ObjectMeta.of(null, null));
    }

    @Test
    void builtMetadataEncodesLikeTheConstructorsInKubernetesFieldOrder() throws Exception {
        OwnerReference owner = new OwnerReference("serving.knative.dev/v1", "Service", "hello", "u-1", true, true);
        ObjectMeta built = ObjectMeta.builder().namespace("default").name("hello")
                .labels(Map.of("app", "hello")).ownerReferences(List.of(owner)).build();
        ObjectMeta constructed = new ObjectMeta("hello", null, "default", null, null, null, null, null, null,
                Map.of("app", "hello"), null, List.of(owner), null, null, null);
        assertThat(Json.mapper().writeValueAsString(built)).isEqualTo(Json.mapper().writeValueAsString(constructed))
                .startsWith("{\"name\":\"hello\",\"namespace\":\"default\",\"labels\":");
    }

    /** A value for a component: distinct per name and position, so a step that sets the wrong field shows. */
    private static Object sample(Class<?> type, String name, int seed) throws Exception {
        if (type == String.class) {
            return name;
        } else if (type == Long.class || type == long.class) {
            return (long) seed;
        } else if (type == Integer.class || type == int.class) {
            return seed;
        } else if (type == Boolean.class || type == boolean.class) {
            return seed % 2 == 0;
        } else if (type == List.class) {
            return List.of(name);
        } else if (type == Map.class) {
            return Map.of(name, name);
        } else if (type == ObjectNode.class) {
            return Json.mapper().createObjectNode().put("from", name);
        } else if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = sample(components[i].getType(), name + "." + components[i].getName(), seed + i + 1);
            }
            try {
                return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                        .toArray(Class<?>[]::new)).newInstance(values);
            } catch (InvocationTargetException e) {
                return null; // a nested record that refuses made-up values (an int-or-string) stays unset
            }
        }
        throw new IllegalArgumentException("no sample for " + type + " (" + name + ")");
    }
}
