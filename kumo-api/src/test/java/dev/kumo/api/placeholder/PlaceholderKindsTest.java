package dev.kumo.api.placeholder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kumo.api.codec.Json;
import dev.kumo.api.core.CoreKinds;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.registry.BuiltInKinds;
import dev.kumo.api.serving.ServingKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaceholderKindsTest {

    @Test
    void everyKindOfKubectlsPruneAllowListIsServed() {
        List<String> served = BuiltInKinds.all().types().stream().map(t -> t.apiVersion() + "/" + t.kind()).toList();
        assertThat(served).contains("v1/ConfigMap", "v1/Endpoints", "v1/Namespace", "v1/PersistentVolumeClaim",
                "v1/PersistentVolume", "v1/Pod", "v1/ReplicationController", "v1/Secret", "v1/Service",
                "batch/v1/Job", "batch/v1/CronJob", "networking.k8s.io/v1/Ingress", "apps/v1/DaemonSet",
                "apps/v1/Deployment", "apps/v1/ReplicaSet", "apps/v1/StatefulSet");
    }

    @Test
    void aRegisteredKindReplacesItsPlaceholder() {
        List<KindDefinition> served = new ArrayList<>(CoreKinds.all());
        List<KindDefinition> placeholders = PlaceholderKinds.missingFrom(served);
        // Pods are real (the pod view): CoreKinds registers them, so they have no placeholder either.
        assertThat(placeholders).extracting(d -> d.type().kind())
                .doesNotContain("ConfigMap", "Namespace", "Secret", "Pod").contains("Endpoints", "Deployment");
        ResourceType endpoints = placeholders.stream().map(KindDefinition::type)
                .filter(t -> t.kind().equals("Endpoints")).findFirst().orElseThrow();
        served.add(new KindDefinition(endpoints, (incoming, existing, validation) -> {
            throw new AssertionError("a real Endpoints kind");
        }));
        assertThat(PlaceholderKinds.missingFrom(served)).extracting(d -> d.type().kind())
                .doesNotContain("Endpoints");
    }

    @Test
    void aWriteIsRefusedNamingTheKindAndWhatKumoServes() {
        KindDefinition statefulSet = BuiltInKinds.all().find("apps", "v1", "statefulsets").orElseThrow();
        ApiException refused = catchThrowableOfType(ApiException.class, () -> statefulSet.admission().admit(
                Json.parseObject("{\"apiVersion\": \"apps/v1\", \"kind\": \"StatefulSet\", \"metadata\": "
                        + "{\"name\": \"web\"}}"), Optional.empty(), FieldValidation.Strict));
        assertThat(refused.code()).isEqualTo(405);
        assertThat(refused.getMessage()).startsWith("Kumo does not run StatefulSet (apps/v1) objects yet")
                .contains("Service, Configuration, Revision, Route (serving.knative.dev/v1)");
    }

    @Test
    void knativeNamesResolveBeforeACorePlaceholderOfTheSameName() {
        assertThat(BuiltInKinds.all().resolve("services").orElseThrow().type().group())
                .isEqualTo(ServingKinds.all(dev.kumo.api.serving.ServingConfig.KNATIVE).get(0).type().group());
        assertThat(BuiltInKinds.all().resolve("svc").orElseThrow().type().group()).isEmpty();
    }

    @Test
    void placeholdersAndCrdsRefuseWritesAndKumosOwnKindsDoNot() {
        assertThat(BuiltInKinds.all().all().stream().filter(PlaceholderKinds::refusesWrites)
                .map(d -> d.type().kind())).contains("StatefulSet", "Endpoints", "CustomResourceDefinition")
                .doesNotContain("ConfigMap", "Revision", "Deployment", "ReplicaSet", "Service");
    }
}
