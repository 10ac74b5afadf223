package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.runtime.spi.FileEntry;
import dev.kumo.runtime.spi.Hardening;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.MountSpec;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.PullSpec;
import dev.kumo.runtime.spi.SidecarSpec;
import dev.kumo.runtime.spi.VolumeSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What an image workload carries beyond the serving container's command: the rest of Knative's pod. */
class WorkloadSpecsPodTest {

    private final Map<String, ObjectNode> objects = new HashMap<>();
    private final WorkloadSpecs specs = WorkloadSpecs.reading((type, namespace, name) -> Optional.ofNullable(
            objects.get(key(type, namespace, name))));

    @Test
    void sidecarsRunBesideTheServingContainerWithTheirOwnEnvMountsAndProbes() {
        ImageWorkload spec = image(Map.of(
                "containers", List.of(
                        Map.of("name", "proxy", "image", "dev.local/proxy:1", "args", List.of("--upstream", "8080"),
                                "env", List.of(Map.of("name", "MODE", "value", "strict")),
                                "volumeMounts", List.of(Map.of("name", "scratch", "mountPath", "/scratch")),
                                "livenessProbe", Map.of("exec", Map.of("command", List.of("cat", "/scratch/ok")))),
                        Map.of("name", "app", "image", "dev.local/app:1",
                                "ports", List.of(Map.of("containerPort", 8080)),
                                "readinessProbe", Map.of("grpc", Map.of("port", 8080, "service", "ready")))),
                "volumes", List.of(Map.of("name", "scratch", "emptyDir", Map.of("medium", "Memory",
                        "sizeLimit", "64Mi")))));

        assertThat(spec.containerName()).isEqualTo("app");
        assertThat(spec.readiness().probe()).isEqualTo(new Probe.Grpc(8080, Optional.of("ready")));
        assertThat(spec.sidecars()).singleElement().satisfies(proxy -> {
            assertThat(proxy.name()).isEqualTo("proxy");
            assertThat(proxy.image()).isEqualTo("dev.local/proxy:1");
            assertThat(proxy.args()).containsExactly("--upstream", "8080");
            assertThat(proxy.env()).containsEntry("MODE", "strict");
            assertThat(proxy.mounts()).containsExactly(MountSpec.of("scratch", "/scratch", false));
            assertThat(proxy.liveness()).hasValueSatisfying(probe -> assertThat(probe.probe())
                    .isEqualTo(new Probe.Exec(List.of("cat", "/scratch/ok"))));
            assertThat(proxy.readiness()).isEmpty();
        });
        assertThat(spec.volumes()).containsExactly(new VolumeSpec.EmptyDir("scratch", true,
                OptionalLong.of(64L << 20)));
    }

    @Test
    void configMapAndSecretVolumesBecomeFilesWithKubernetesModes() {
        put(ResourceTypes.CONFIGMAP, "settings", Map.of("data", Map.of("app.properties", "a=1", "log.level",
                "debug")));
        put(ResourceTypes.SECRET, "creds", Map.of("data", Map.of("password", base64("s3cret"), "user",
                base64("me"))));

        ImageWorkload spec = image(Map.of(
                "containers", List.of(Map.of("image", "dev.local/app:1", "volumeMounts", List.of(
                        Map.of("name", "config", "mountPath", "/etc/app", "readOnly", true),
                        Map.of("name", "secret", "mountPath", "/etc/secret", "readOnly", true,
                                "subPath", "password"),
                        Map.of("name", "both", "mountPath", "/etc/both", "readOnly", true)))),
                "volumes", List.of(
                        Map.of("name", "config", "configMap", Map.of("name", "settings")),
                        Map.of("name", "secret", "secret", Map.of("secretName", "creds", "items", List.of(
                                Map.of("key", "password", "path", "password"),
                                Map.of("key", "user", "path", "who/user", "mode", 0440)))),
                        Map.of("name", "both", "projected", Map.of("defaultMode", 0600, "sources", List.of(
                                Map.of("configMap", Map.of("name", "settings", "items", List.of(
                                        Map.of("key", "log.level", "path", "level")))),
                                Map.of("secret", Map.of("name", "creds"))))))));

        assertThat(files(spec, "config")).containsExactly(
                Map.entry("app.properties", text("a=1", FileEntry.CONFIG_MAP_MODE)),
                Map.entry("log.level", text("debug", FileEntry.CONFIG_MAP_MODE)));
        assertThat(files(spec, "secret")).as("0400 unless items or defaultMode say otherwise").containsExactly(
                Map.entry("password", text("s3cret", 0400)), Map.entry("who/user", text("me", 0440)));
        assertThat(files(spec, "both")).containsExactly(Map.entry("level", text("debug", 0600)),
                Map.entry("password", text("s3cret", 0600)), Map.entry("user", text("me", 0600)));
        assertThat(spec.mounts()).contains(new MountSpec("secret", "/etc/secret", true, Optional.of("password")));
    }

    @Test
    void aMissingConfigMapOrKeyFailsAsTheKubeletsConfigErrorUnlessOptional() {
        Map<String, Object> missing = Map.of("containers", List.of(Map.of("image", "dev.local/app:1")),
                "volumes", List.of(Map.of("name", "config", "configMap", Map.of("name", "settings"))));
        assertThatThrownBy(() -> image(missing)).isInstanceOf(EnvResolver.UnresolvableEnvException.class)
                .hasMessageStartingWith("configmap \"settings\" not found in namespace default (needed by volume "
                        + "config); create it");

        put(ResourceTypes.SECRET, "creds", Map.of("data", Map.of("user", base64("me"))));
        assertThatThrownBy(() -> image(Map.of("containers", List.of(Map.of("image", "dev.local/app:1")),
                "volumes", List.of(Map.of("name", "secret", "secret", Map.of("secretName", "creds", "items",
                        List.of(Map.of("key", "password", "path", "p"))))))))
                .isInstanceOf(EnvResolver.UnresolvableEnvException.class)
                .hasMessageContaining("secret \"creds\" has no key \"password\" (needed by volume secret items)");

        ImageWorkload optional = image(Map.of("containers", List.of(Map.of("image", "dev.local/app:1")),
                "volumes", List.of(Map.of("name", "config", "configMap", Map.of("name", "settings",
                        "optional", true)))));
        assertThat(files(optional, "config")).isEmpty();
    }

    @Test
    void volumesKumoCannotProvideAreNamed() {
        assertThatThrownBy(() -> image(Map.of("containers", List.of(Map.of("image", "dev.local/app:1")),
                "volumes", List.of(Map.of("name", "data", "persistentVolumeClaim", Map.of("claimName", "pvc"))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec.volumes[data]: persistentVolumeClaim volumes are not provided by Kumo; use "
                        + "emptyDir, configMap, secret or projected");
    }

    @Test
    void pullPolicyAndCredentialsFromImagePullSecrets() {
        String config = "{\"auths\":{\"https://registry.example.com/v1/\":{\"username\":\"me\",\"password\":\"pw\"},"
                + "\"127.0.0.1:5000\":{\"auth\":\"" + base64("robot:token") + "\"}}}";
        put(ResourceTypes.SECRET, "regcred", Map.of("type", "kubernetes.io/dockerconfigjson", "data",
                Map.of(".dockerconfigjson", base64(config))));

        ImageWorkload pinned = image(Map.of("containers", List.of(Map.of("image", "registry.example.com/app:1",
                "imagePullPolicy", "Never")), "imagePullSecrets", List.of(Map.of("name", "regcred"),
                Map.of("name", "absent"))));
        ImageWorkload latest = image(Map.of("containers", List.of(Map.of("image", "registry.example.com/app"))));
        ImageWorkload tagged = image(Map.of("containers", List.of(Map.of("image", "127.0.0.1:5000/app:1"))));

        assertThat(pinned.pull().policy()).isEqualTo(PullSpec.Policy.NEVER);
        assertThat(pinned.pull().credentials()).containsExactly(
                Map.entry("127.0.0.1:5000", new PullSpec.RegistryCredential("robot", "token")),
                Map.entry("registry.example.com", new PullSpec.RegistryCredential("me", "pw")));
        assertThat(latest.pull()).as("no tag: Always, as Kubernetes").isEqualTo(new PullSpec(PullSpec.Policy.ALWAYS,
                true, Map.of()));
        assertThat(tagged.pull().policy()).isEqualTo(PullSpec.Policy.IF_NOT_PRESENT);
    }

    @Test
    void aWrittenImagePullPolicyIsTheUsersChoiceNotKubernetesDefault() {
        ImageWorkload chosen = image(Map.of("containers", List.of(Map.of("image", "registry.example.com/app:latest",
                "imagePullPolicy", "Always"))));
        ImageWorkload defaulted = image(Map.of("containers", List.of(Map.of("image",
                "registry.example.com/app:latest"))));

        assertThat(chosen.pull()).isEqualTo(new PullSpec(PullSpec.Policy.ALWAYS, false, Map.of()));
        assertThat(defaulted.pull()).isEqualTo(new PullSpec(PullSpec.Policy.ALWAYS, true, Map.of()));
    }

    @Test
    void theSecurityContextBeyondTheUserIsCarried() {
        ImageWorkload hardened = image(Map.of("containers", List.of(Map.of("image", "dev.local/app:1",
                "securityContext", Map.of("readOnlyRootFilesystem", true, "allowPrivilegeEscalation", false,
                        "runAsNonRoot", true, "capabilities", Map.of("drop", List.of("ALL")))))));
        ImageWorkload plain = image(Map.of("containers", List.of(Map.of("image", "dev.local/app:1"))));

        assertThat(hardened.hardening()).isEqualTo(new Hardening(true, false, List.of("ALL"), List.of()));
        assertThat(hardened.runAs().nonRoot()).isTrue();
        assertThat(plain.hardening()).isEqualTo(Hardening.DEFAULT);
        assertThat(plain.containerName()).isEqualTo("user-container");
        assertThat(plain.sidecars()).isEmpty();
    }

    private ImageWorkload image(Map<String, Object> spec) {
        ObjectNode tree = Json.mapper().valueToTree(Map.of("apiVersion", "serving.knative.dev/v1", "kind",
                "Revision", "metadata", Map.of("name", "hello-00001", "namespace", "default"), "spec", spec));
        return (ImageWorkload) specs.of(TypedCodec.decode(tree, Revision.class).value(), RuntimeName.CONTAINER);
    }

    private static Map<String, FileEntry> files(ImageWorkload spec, String volume) {
        return ((VolumeSpec.Files) spec.volume(volume).orElseThrow()).files();
    }

    private void put(ResourceType type, String name, Map<String, Object> fields) {
        ObjectNode object = Json.mapper().valueToTree(fields);
        object.putObject("metadata").put("name", name).put("namespace", "default");
        objects.put(key(type, "default", name), object);
    }

    private static String key(ResourceType type, String namespace, String name) {
        return type.kind() + "/" + namespace + "/" + name;
    }

    private static FileEntry text(String content, int mode) {
        return new FileEntry(content.getBytes(StandardCharsets.UTF_8), mode);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
