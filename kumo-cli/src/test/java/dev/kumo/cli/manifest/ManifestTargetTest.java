package dev.kumo.cli.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.base.CliException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestTargetTest {

    private static Manifest manifest(String json) {
        return new Manifest("svc.yaml", 1, Json.parseObject(json));
    }

    private static final String SERVICE = """
            {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"hello"%s}}""";

    @Test
    void takesTheNamespaceFromTheFlagThenTheManifestThenTheDefault() {
        Manifest plain = manifest(SERVICE.formatted(""));
        Manifest placed = manifest(SERVICE.formatted(",\"namespace\":\"team-a\""));

        assertThat(ManifestTarget.of(plain, Optional.empty(), "default").namespace()).isEqualTo("default");
        assertThat(ManifestTarget.of(placed, Optional.empty(), "default").namespace()).isEqualTo("team-a");
        assertThat(ManifestTarget.of(plain, Optional.of("team-b"), "default").namespace()).isEqualTo("team-b");
        assertThat(ManifestTarget.of(placed, Optional.of("team-a"), "default").displayName())
                .isEqualTo("service.serving.knative.dev/hello");
    }

    @Test
    void refusesAFlagThatContradictsTheManifest() {
        assertThatThrownBy(() -> ManifestTarget.of(manifest(SERVICE.formatted(",\"namespace\":\"team-a\"")),
                Optional.of("team-b"), "default")).isInstanceOf(CliException.class)
                .hasMessageContaining("namespace from the provided object \"team-a\" does not match the namespace "
                        + "\"team-b\"");
    }

    @Test
    void leavesClusterScopedKindsOutOfNamespaces() {
        ManifestTarget target = ManifestTarget.of(manifest("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"}}"""), Optional.of("x"), "default");
        assertThat(target.type()).isEqualTo(ResourceTypes.NAMESPACE);
        assertThat(target.namespace()).isEmpty();
        assertThat(target.displayName()).isEqualTo("namespace/team-a");
    }

    @Test
    void namesTheManifestOfAnUnknownKindOrAMissingName() {
        assertThatThrownBy(() -> ManifestTarget.of(manifest("""
                {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"x"}}"""), Optional.empty(), "default"))
                .isInstanceOf(CliException.class)
                .hasMessage("svc.yaml: kumo does not know the kind StatefulSet in apps/v1");
        assertThatThrownBy(() -> ManifestTarget.of(manifest("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{}}"""), Optional.empty(), "default"))
                .isInstanceOf(CliException.class).hasMessage("svc.yaml: metadata.name is required");
        assertThatThrownBy(() -> ManifestTarget.of(manifest("""
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"generateName":"hello-"}}"""),
                Optional.empty(), "default")).isInstanceOf(CliException.class)
                .hasMessage("svc.yaml: metadata.generateName cannot be used with apply (every apply would make a new "
                        + "object)");
    }
}
