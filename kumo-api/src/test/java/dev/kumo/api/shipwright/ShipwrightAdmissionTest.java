package dev.kumo.api.shipwright;

import static dev.kumo.api.testing.KindFixtures.patched;
import static dev.kumo.api.testing.KindFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.registry.BuiltInKinds;
import dev.kumo.api.testing.KindFixtures;
import dev.kumo.api.testing.ValidationRow;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Builds and BuildRuns are defaulted and validated with Shipwright's field names. */
class ShipwrightAdmissionTest {

    static final KindFixtures KINDS = new KindFixtures(BuiltInKinds.all().all());
    static final String BUILD = """
            apiVersion: shipwright.io/v1beta1
            kind: Build
            metadata: {name: hello, namespace: default}
            spec:
              source: {type: Git, git: {url: "file:///src/hello"}, contextDir: app}
              strategy: {name: buildah}
              output: {image: dev.local/hello:latest}
            """;
    static final String BUILD_RUN = """
            apiVersion: shipwright.io/v1beta1
            kind: BuildRun
            metadata: {name: hello-1, namespace: default}
            spec:
              build: {name: hello}
            """;

    @Test
    void aStrategyIsAClusterBuildStrategyByDefault() {
        JsonNode build = KINDS.admit(yaml(BUILD)).object();

        assertThat(build.at("/spec/strategy/kind").asText()).isEqualTo("ClusterBuildStrategy");
    }

    @Test
    void aSourceWithAGitUrlIsOfTypeGitByDefault() {
        JsonNode build = KINDS.admit(patched(BUILD, "spec: {source: {type: null}}")).object();

        assertThat(build.at("/spec/source/type").asText()).isEqualTo("Git");
    }

    @Test
    void anEmbeddedBuildSpecIsDefaultedToo() {
        JsonNode run = KINDS.admit(patched(BUILD_RUN, "spec: {build: {name: null, spec: {source: {git: {url: "
                + "'file:///src'}}, strategy: {name: buildah}, output: {image: dev.local/x}}}}")).object();

        assertThat(run.at("/spec/build/spec/strategy/kind").asText()).isEqualTo("ClusterBuildStrategy");
        assertThat(run.at("/spec/build/spec/source/type").asText()).isEqualTo("Git");
    }

    static Stream<ValidationRow> rows() {
        return Stream.of(
                new ValidationRow("a Build has a source", BUILD, "spec: {source: null}", "spec.source",
                        "spec.source: Required value: give type: Git and git.url (file:///abs/dir for a directory)"),
                new ValidationRow("Kumo builds Git sources", BUILD, "spec: {source: {type: OCI}}",
                        "spec.source.type", "spec.source.type: Unsupported value: \"OCI\": supported values: \"Git\""),
                new ValidationRow("a file URL is absolute", BUILD, "spec: {source: {git: {url: 'file://src'}}}",
                        "spec.source.git.url", "spec.source.git.url: Invalid value: \"file://src\": a file URL "
                                + "names an absolute directory: file:///abs/dir"),
                new ValidationRow("a git URL has a scheme", BUILD, "spec: {source: {git: {url: 'nowhere'}}}",
                        "spec.source.git.url", "spec.source.git.url: Invalid value: \"nowhere\": not a git URL: "
                                + "use https://…, ssh://…, git@host:path or file:///abs/dir"),
                new ValidationRow("a git URL is no flag of git clone", BUILD,
                        "spec: {source: {git: {url: '-uupload@host:path'}}}", "spec.source.git.url",
                        "spec.source.git.url: Invalid value: \"-uupload@host:path\": not a git URL: "
                                + "use https://…, ssh://…, git@host:path or file:///abs/dir"),
                new ValidationRow("a git host is no flag of ssh", BUILD,
                        "spec: {source: {git: {url: 'git@-oProxyCommand:path'}}}", "spec.source.git.url", null),
                new ValidationRow("a contextDir stays inside", BUILD, "spec: {source: {contextDir: ../up}}",
                        "spec.source.contextDir", "spec.source.contextDir: Invalid value: \"../up\": a directory "
                                + "inside the source, relative to its root"),
                new ValidationRow("a strategy is named", BUILD, "spec: {strategy: {name: null}}",
                        "spec.strategy.name", "spec.strategy.name: Required value: name a built-in strategy: "
                                + "buildah or java"),
                new ValidationRow("strategies are cluster-wide", BUILD, "spec: {strategy: {kind: BuildStrategy}}",
                        "spec.strategy.kind", "spec.strategy.kind: Unsupported value: \"BuildStrategy\": supported "
                                + "values: \"ClusterBuildStrategy\""),
                new ValidationRow("an output image is named", BUILD, "spec: {output: {image: ''}}",
                        "spec.output.image", "spec.output.image: Required value: the image to build into local "
                                + "storage, e.g. dev.local/hello:latest"),
                new ValidationRow("an output image is no flag of podman", BUILD,
                        "spec: {output: {image: '--url=unix:///other.sock'}}", "spec.output.image",
                        "spec.output.image: Invalid value: \"--url=unix:///other.sock\": an image reference starts "
                                + "with a registry or a name, never '-'"),
                new ValidationRow("a timeout is a Go duration", BUILD, "spec: {timeout: ten}", "spec.timeout",
                        "spec.timeout: Invalid value: \"ten\": a Go duration above zero, e.g. 10m or 90s"),
                new ValidationRow("retention keeps at least one", BUILD, "spec: {retention: {failedLimit: 0}}",
                        "spec.retention.failedLimit", "spec.retention.failedLimit: Invalid value: 0: must be "
                                + "between 1 and 10000"),
                new ValidationRow("a run names its Build", BUILD_RUN, "spec: {build: {name: null}}", "spec.build",
                        "spec.build: Invalid value: \"neither\": expected exactly one of build.name and build.spec"),
                new ValidationRow("a run's output image is no flag of podman", BUILD_RUN,
                        "spec: {output: {image: '--url=unix:///other.sock'}}", "spec.output.image",
                        "spec.output.image: Invalid value: \"--url=unix:///other.sock\": an image reference starts "
                                + "with a registry or a name, never '-'"),
                new ValidationRow("a run's state cancels or nothing", BUILD_RUN, "spec: {state: Paused}",
                        "spec.state", "spec.state: Unsupported value: \"Paused\": supported values: "
                                + "\"BuildRunCanceled\""),
                new ValidationRow("an embedded spec is validated", BUILD_RUN,
                        "spec: {build: {name: null, spec: {source: {git: {url: 'file:///s'}}, strategy: "
                                + "{name: buildah}}}}", "spec.build.spec.output.image", null));
    }

    /** Rows with a null message check the field only. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusesWithTheFieldAndMessage(ValidationRow row) {
        KINDS.assertRefuses(row);
    }
}
