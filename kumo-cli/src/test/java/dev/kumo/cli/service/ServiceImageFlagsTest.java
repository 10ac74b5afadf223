package dev.kumo.cli.service;

import static dev.kumo.cli.service.ServiceSpecEditTest.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * kn's image flags ({@code --mount}, {@code --volume}, {@code --limit}, {@code --request}, {@code --user},
 * {@code --pull-secret}, {@code --pull-policy}, {@code --port}) → the pod spec kn would send: each row edits a
 * starting pod spec and gives the whole pod spec wanted.
 */
class ServiceImageFlagsTest {

    private static final String CM_APP = "etc-app-4e7033fd";
    private static final String ED_WORK = "tmp-work-655e9816";

    /** One case: the pod spec before, the flags, the pod spec after. */
    record Row(String name, String podSpec, String args, String expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** One refusal: the pod spec before, the flags, what the error says. */
    record Refusal(String podSpec, String args, String message) {

        @Override
        public String toString() {
            return args;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("config map mounted: a volume named after the path, read-only", "{\"containers\":[{}]}",
                        "--mount /etc/app=cm:settings",
                        "{\"containers\":[{\"volumeMounts\":[{\"name\":\"" + CM_APP + "\",\"readOnly\":true,"
                                + "\"mountPath\":\"/etc/app\"}]}],\"volumes\":[{\"name\":\"" + CM_APP + "\","
                                + "\"configMap\":{\"name\":\"settings\"}}]}"),
                new Row("secret (sc:) with a sub path", "{\"containers\":[{}]}", "--mount /etc/keys=sc:keys/tls",
                        "{\"containers\":[{\"volumeMounts\":[{\"name\":\"etc-keys-5cfff7e9\",\"readOnly\":true,"
                                + "\"mountPath\":\"/etc/keys\",\"subPath\":\"tls\"}]}],\"volumes\":[{\"name\":"
                                + "\"etc-keys-5cfff7e9\",\"secret\":{\"secretName\":\"keys\"}}]}"),
                new Row("emptyDir mounted writable", "{\"containers\":[{}]}", "--mount /tmp/work=ed:scratch",
                        "{\"containers\":[{\"volumeMounts\":[{\"name\":\"" + ED_WORK + "\",\"mountPath\":"
                                + "\"/tmp/work\"}]}],\"volumes\":[{\"name\":\"" + ED_WORK + "\",\"emptyDir\":{}}]}"),
                new Row("readOnly option wins over the default", "{\"containers\":[{}]}",
                        "--mount /tmp/work=emptyDir:scratch:readOnly=true",
                        "{\"containers\":[{\"volumeMounts\":[{\"name\":\"" + ED_WORK + "\",\"readOnly\":true,"
                                + "\"mountPath\":\"/tmp/work\"}]}],\"volumes\":[{\"name\":\"" + ED_WORK + "\","
                                + "\"emptyDir\":{}}]}"),
                new Row("volume declared and mounted by name", "{\"containers\":[{}]}",
                        "--volume cache=ed:cache:type=Memory,size=64Mi --mount /cache=cache",
                        "{\"containers\":[{\"volumeMounts\":[{\"name\":\"cache\",\"mountPath\":\"/cache\"}]}],"
                                + "\"volumes\":[{\"name\":\"cache\",\"emptyDir\":{\"medium\":\"Memory\","
                                + "\"sizeLimit\":\"64Mi\"}}]}"),
                new Row("volume from a config map (config-map:) mounted read-only", "{\"containers\":[{}]}",
                        "--volume conf=config-map:settings --mount /conf=conf",
                        "{\"containers\":[{\"volumeMounts\":[{\"name\":\"conf\",\"readOnly\":true,\"mountPath\":"
                                + "\"/conf\"}]}],\"volumes\":[{\"name\":\"conf\",\"configMap\":{\"name\":"
                                + "\"settings\"}}]}"),
                new Row("a volume's source replaced in place", "{\"containers\":[{}],\"volumes\":[{\"name\":\"a\","
                        + "\"configMap\":{\"name\":\"x\"}},{\"name\":\"b\",\"emptyDir\":{}}]}", "--volume a=secret:y",
                        "{\"containers\":[{}],\"volumes\":[{\"name\":\"a\",\"secret\":{\"secretName\":\"y\"}},"
                                + "{\"name\":\"b\",\"emptyDir\":{}}]}"),
                new Row("unmount drops the volume the mount declared", "{\"containers\":[{\"volumeMounts\":"
                        + "[{\"name\":\"" + CM_APP + "\",\"readOnly\":true,\"mountPath\":\"/etc/app\"},{\"name\":"
                        + "\"b\",\"mountPath\":\"/b\"}]}],\"volumes\":[{\"name\":\"" + CM_APP + "\",\"configMap\":"
                        + "{\"name\":\"settings\"}},{\"name\":\"b\",\"emptyDir\":{}}]}", "--mount /etc/app-",
                        "{\"containers\":[{\"volumeMounts\":[{\"name\":\"b\",\"mountPath\":\"/b\"}]}],"
                                + "\"volumes\":[{\"name\":\"b\",\"emptyDir\":{}}]}"),
                new Row("unmount of a named volume keeps it; then it can be removed", "{\"containers\":"
                        + "[{\"volumeMounts\":[{\"name\":\"b\",\"mountPath\":\"/b\"}]}],\"volumes\":[{\"name\":"
                        + "\"b\",\"emptyDir\":{}}]}", "--mount /b- --volume b-", "{\"containers\":[{}]}"),
                new Row("limits and requests", "{\"containers\":[{}]}",
                        "--limit cpu=500m,memory=128Mi --request cpu=100m --request memory=64Mi",
                        "{\"containers\":[{\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"},"
                                + "\"limits\":{\"cpu\":\"500m\",\"memory\":\"128Mi\"}}}]}"),
                new Row("a limit changed, another removed, requests kept", "{\"containers\":[{\"resources\":"
                        + "{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"},\"requests\":{\"cpu\":\"1\"}}}]}",
                        "--limit memory=256Mi,cpu-", "{\"containers\":[{\"resources\":{\"limits\":{\"memory\":"
                                + "\"256Mi\"},\"requests\":{\"cpu\":\"1\"}}}]}"),
                new Row("last limit removed drops resources", "{\"containers\":[{\"resources\":{\"limits\":"
                        + "{\"memory\":\"1Gi\"}}}]}", "--limit memory-", "{\"containers\":[{}]}"),
                new Row("user replaces the security context, as kn does", "{\"containers\":[{\"securityContext\":"
                        + "{\"runAsNonRoot\":true}}]}", "--user 1001",
                        "{\"containers\":[{\"securityContext\":{\"runAsUser\":1001}}]}"),
                new Row("pull secret and policy (any case)", "{\"containers\":[{}]}",
                        "--pull-secret regcred --pull-policy ifnotpresent",
                        "{\"containers\":[{\"imagePullPolicy\":\"IfNotPresent\"}],\"imagePullSecrets\":[{\"name\":"
                                + "\"regcred\"}]}"),
                new Row("pull secret replaced", "{\"containers\":[{}],\"imagePullSecrets\":[{\"name\":\"a\"},"
                        + "{\"name\":\"b\"}]}", "--pull-secret c",
                        "{\"containers\":[{}],\"imagePullSecrets\":[{\"name\":\"c\"}]}"),
                new Row("service account", "{\"containers\":[{}]}", "--service-account builder",
                        "{\"containers\":[{}],\"serviceAccountName\":\"builder\"}"),
                new Row("env from config-map: and sc:, one removed", "{\"containers\":[{\"envFrom\":"
                        + "[{\"secretRef\":{\"name\":\"old\"}}]}]}", "--env-from config-map:a --env-from sc:b "
                        + "--env-from secret:old-", "{\"containers\":[{\"envFrom\":[{\"configMapRef\":{\"name\":"
                        + "\"a\"}},{\"secretRef\":{\"name\":\"b\"}}]}]}"),
                new Row("http1 port", "{\"containers\":[{}]}", "--port http1:8081",
                        "{\"containers\":[{\"ports\":[{\"name\":\"http1\",\"containerPort\":8081}]}]}"));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void flagsBecomeThePodSpecKnSends(Row row) {
        ObjectNode edited = ServiceSpecEdit.edit(service(row.podSpec()), options(row.args()), 2, new Random(1));

        assertThat(Json.write(edited.at("/spec/template/spec")))
                .isEqualTo(Json.write(Json.parseObject(row.expected())));
    }

    @Test
    void emptyValuesClearThePullSecretAndServiceAccount() {
        ObjectNode current = service("{\"containers\":[{}],\"imagePullSecrets\":[{\"name\":\"a\"}],"
                + "\"serviceAccountName\":\"x\"}");
        ServiceOptions options = options("--image x");
        options.pullSecret = "";
        options.serviceAccount = " ";

        ObjectNode edited = ServiceSpecEdit.edit(current, options, 2, new Random(1));

        assertThat(edited.at("/spec/template/spec")).isEqualTo(Json.parseObject("{\"containers\":[{\"image\":"
                + "\"x\"}]}"));
    }

    @Test
    void aServiceCreatedWithEveryFlagIsWhatKnSends() {
        ObjectNode fresh = ServiceSpecEdit.fresh("default", "hello", options("--image dev.local/hello:1 "
                + "-p 8080 -e TARGET=kumo --env-from cm:settings --mount /etc/app=cm:settings "
                + "--mount /tmp/work=ed:scratch --volume cache=ed:cache:type=Memory --mount /cache=cache "
                + "--limit cpu=500m,memory=128Mi --request cpu=100m --user 1001 --pull-secret regcred "
                + "--pull-policy Never"), new Random(1));

        assertThat(Json.write(fresh.at("/spec/template/spec"))).isEqualTo(Json.write(Json.parseObject(
                "{\"containers\":[{"
                + "\"image\":\"dev.local/hello:1\",\"env\":[{\"name\":\"TARGET\",\"value\":\"kumo\"}],"
                + "\"envFrom\":[{\"configMapRef\":{\"name\":\"settings\"}}],"
                + "\"ports\":[{\"containerPort\":8080}],"
                + "\"volumeMounts\":[{\"name\":\"" + CM_APP + "\",\"readOnly\":true,\"mountPath\":\"/etc/app\"},"
                + "{\"name\":\"" + ED_WORK + "\",\"mountPath\":\"/tmp/work\"},{\"name\":\"cache\",\"mountPath\":"
                + "\"/cache\"}],"
                + "\"imagePullPolicy\":\"Never\","
                + "\"resources\":{\"requests\":{\"cpu\":\"100m\"},\"limits\":{\"cpu\":\"500m\",\"memory\":"
                + "\"128Mi\"}},"
                + "\"securityContext\":{\"runAsUser\":1001}}],"
                + "\"volumes\":[{\"name\":\"" + CM_APP + "\",\"configMap\":{\"name\":\"settings\"}},"
                + "{\"name\":\"" + ED_WORK + "\",\"emptyDir\":{}},{\"name\":\"cache\",\"emptyDir\":{\"medium\":"
                + "\"Memory\"}}],"
                + "\"imagePullSecrets\":[{\"name\":\"regcred\"}]}")));
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("{}", "--mount /x", "invalid --mount '/x': want PATH=cm:NAME, secret:NAME, ed:NAME or "
                        + "pvc:CLAIM (or an existing volume's name), or PATH- to unmount"),
                new Refusal("{}", "--mount /x=map:a", "invalid --mount '/x=map:a': unknown volume type 'map'"),
                new Refusal("{}", "--mount /x=cm:", "invalid --mount '/x=cm:': the name after 'cm:' is missing"),
                new Refusal("{}", "--mount /x=nothing", "invalid --mount '/x=nothing': there is no volume named "
                        + "'nothing'; declare it with --volume nothing=cm:NAME"),
                new Refusal("{}", "--mount /x=cm:a:ro=true", "unknown mount option 'ro=true'; the only one is "
                        + "readOnly=true|false"),
                new Refusal("{}", "--mount /x=cm:a:readOnly=yes", "readOnly must be true or false"),
                new Refusal("{}", "--volume v", "invalid --volume 'v': want NAME=cm:NAME"),
                new Refusal("{}", "--volume v=cm", "invalid --volume 'v=cm': want NAME=cm:NAME"),
                new Refusal("{}", "--volume v=disk:a", "unknown volume type 'disk'"),
                new Refusal("{}", "--volume v=cm:a:x=1", "only an emptyDir (ed:NAME:type=Memory,size=1Gi) takes "
                        + "options"),
                new Refusal("{}", "--volume v=ed:a:size=lots", "'lots' is not a quantity"),
                new Refusal("{}", "--volume v=ed:a:color=red", "want emptyDir options type=Memory and/or "
                        + "size=QUANTITY"),
                new Refusal("{\"containers\":[{\"volumeMounts\":[{\"name\":\"b\",\"mountPath\":\"/b\"}]}],"
                        + "\"volumes\":[{\"name\":\"b\",\"emptyDir\":{}}]}", "--volume b-",
                        "invalid --volume 'b-': the volume is mounted; unmount it first with --mount PATH-"),
                new Refusal("{}", "--limit cpu=lots", "invalid --limit 'cpu=lots': 'lots' is not a quantity; write "
                        + "e.g. 64Mi, 1G, 500m or 0.5"),
                new Refusal("{}", "--limit cpu", "invalid --limit 'cpu': want RESOURCE=QUANTITY, e.g. "
                        + "cpu=500m,memory=128Mi, or RESOURCE- to remove it"),
                new Refusal("{}", "--request cpu=1,cpu=2", "invalid --request 'cpu=2': cpu is given twice"),
                new Refusal("{}", "--user -5", "invalid --user '-5': want a user ID, 0 or more"),
                new Refusal("{}", "--pull-policy sometimes", "invalid --pull-policy 'sometimes': want Always, Never "
                        + "or IfNotPresent (case insensitive)"),
                new Refusal("{}", "--port grpc:9000", "invalid --port 'grpc:9000': want [NAME:]PORT, e.g. 8080 or "
                        + "h2c:8080; NAME h2c or http1, PORT from 1 to 65535"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void badValuesAreRefusedNamingTheFlagAndTheFix(Refusal refusal) {
        assertThatThrownBy(() -> ServiceSpecEdit.edit(service(refusal.podSpec()), options(refusal.args()), 2,
                new Random(1))).isInstanceOf(InvalidFlag.class).hasMessageContaining(refusal.message());
    }

    @Test
    void theImageIsGivenOnlyOnceAsInKn() {
        assertThatThrownBy(() -> options("--image a --image b"))
                .isInstanceOf(CommandLine.OverwrittenOptionException.class)
                .hasMessageContaining("--image").hasMessageContaining("should be specified only once");
    }

    @Test
    void mountVolumeNamesAreKnsGeneratedNames() {
        // kn's own cases (pkg/util/corev1_helper_test.go): the path as a DNS label, then 4 bytes of its SHA-1.
        assertThat(MountVolumeName.of("/etc/app")).isEqualTo(CM_APP);
        assertThat(MountVolumeName.of("")).isEqualTo("k--da39a3ee");
        assertThat(MountVolumeName.of("/path.mypath/")).startsWith("path-mypath--").hasSize(21);
        assertThat(MountVolumeName.of("/.path.mypath")).startsWith("k--path-mypath-");
        assertThat(MountVolumeName.of("/./Ab12~`!@#$%^&*()-=_+[]{}|/\\<>,./?:;\"'xZ/Ab12~`!@#$%^&*()-=_+[]{}|/\\<>,./"
                + "?:;\"'xZ/")).isEqualTo("k---ab12---------------------------------xz-ab12--------------n");
    }

    private static ObjectNode service(String podSpec) {
        return Json.parseObject("{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":"
                + "{\"name\":\"hello\",\"namespace\":\"default\"},\"spec\":{\"template\":{\"spec\":" + podSpec
                + "}}}");
    }
}
