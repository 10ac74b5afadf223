package dev.kumo.serving.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A Revision's Service and its serving container's limits, as metering reads them from the store. */
class RevisionFactsTest {

    private final ResourceStore store = InMemoryStore.create();
    private final RevisionFacts facts = new RevisionFacts(store);

    @Test
    void theServiceLabelAndTheServingContainersLimitsInGibAndCores() {
        store.create(ResourceTypes.REVISION, Json.parseObject("""
                {"apiVersion":"serving.knative.dev/v1","kind":"Revision","metadata":{"namespace":"default",
                 "name":"hello-00001","labels":{"serving.knative.dev/service":"hello"}},
                 "spec":{"containers":[{"name":"sidecar","image":"s","resources":{"limits":{"memory":"8Gi"}}},
                  {"name":"user","image":"u","ports":[{"containerPort":8080}],
                   "resources":{"limits":{"memory":"512Mi","cpu":"250m"}}}]}}
                """));

        RevisionFacts.Facts read = facts.of("default", "hello-00001");

        assertThat(read.service()).isEqualTo("hello");
        assertThat(read.sizing()).isEqualTo(new InstanceTimeline.Sizing(OptionalDouble.of(0.5),
                OptionalDouble.of(0.25)));
    }

    @Test
    void withoutLimitsOrWithoutTheRevisionNothingIsKnown() {
        store.create(ResourceTypes.REVISION, Json.parseObject("""
                {"apiVersion":"serving.knative.dev/v1","kind":"Revision","metadata":{"namespace":"default",
                 "name":"solo-00001"},"spec":{"containers":[{"image":"u","resources":{"limits":{"cpu":"0"}}}]}}
                """));

        assertThat(facts.of("default", "solo-00001")).isEqualTo(new RevisionFacts.Facts("",
                InstanceTimeline.Sizing.NONE));
        assertThat(facts.of("default", "gone-00001")).isEqualTo(new RevisionFacts.Facts("",
                InstanceTimeline.Sizing.NONE));
    }
}
