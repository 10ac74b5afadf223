package dev.kumo.cli.func;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kumo.cli.base.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function's {@code func.yaml}, in knative func's field names where it has them ({@code specVersion, name, runtime,
 * registry, image, imageDigest, namespace, created, invoke, build, run.envs,
 * deploy.namespace|image|annotations|labels}); Kumo adds {@code template} ({@code http} or {@code cloudevents}).
 * Fields Kumo does not know are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"specVersion", "name", "runtime", "template", "registry", "image", "imageDigest", "namespace",
    "created",
    "invoke", "build", "run", "deploy"})
public record FuncYaml(String specVersion, String name, String runtime, String template, String registry, String image,
        String imageDigest, String namespace, String created, String invoke, Build build, Run run, Deploy deploy) {

    /** The file's name in a function's directory. */
    public static final String FILE = "func.yaml";

    /** The knative func spec version whose field names this file follows. */
    public static final String SPEC_VERSION = "0.36.0";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public FuncYaml {
        specVersion = text(specVersion);
        name = text(name);
        runtime = text(runtime);
        template = text(template);
        registry = text(registry);
        image = text(image);
        imageDigest = text(imageDigest);
        namespace = text(namespace);
        created = text(created);
        invoke = text(invoke);
        build = build == null ? new Build("", List.of()) : build;
        run = run == null ? new Run(List.of()) : run;
        deploy = deploy == null ? new Deploy("", "", Map.of(), List.of()) : deploy;
    }

    /** {@code build}: knative func's builder and build-time variables (Kumo builds with the host's tools). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Build(String builder, List<Env> buildEnvs) {
        public Build {
            builder = text(builder);
            buildEnvs = buildEnvs == null ? List.of() : List.copyOf(buildEnvs);
        }
    }

    /** {@code run}: the environment of the function, locally and deployed. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Run(List<Env> envs) {
        public Run {
            envs = envs == null ? List.of() : List.copyOf(envs);
        }
    }

    /** {@code deploy}: where and how the function's Service is written. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Deploy(String namespace, String image, Map<String, String> annotations, List<Label> labels) {
        public Deploy {
            namespace = text(namespace);
            image = text(image);
            annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
            labels = labels == null ? List.of() : List.copyOf(labels);
        }
    }

    /** One environment variable, {@code {name, value}}. */
    public record Env(String name, String value) {
        public Env {
            name = text(name);
            value = text(value);
        }
    }

    /** One label, {@code {key, value}} as knative func writes them. */
    public record Label(String key, String value) {
        public Label {
            key = text(key);
            value = text(value);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** A new function's file. */
    public static FuncYaml fresh(String name, Language language, Template template, String created) {
        return new FuncYaml(SPEC_VERSION, name, language.value(), template.value(), "", "", "", "", created,
                template.invoke(), null, null, null);
    }

    /**
     * This file after a build, as knative func records one: {@code image} the name built to (by tag), and
     * {@code imageDigest} the digest of what was built.
     */
    public FuncYaml withImage(String builtImage, String digest) {
        return new FuncYaml(specVersion, name, runtime, template, registry, builtImage, digest, namespace, created,
                invoke, build, run, deploy);
    }

    /** The language the function is written in, checked. */
    @JsonIgnore
    public Language language() {
        return Language.parse(runtime).orElseThrow(() -> new CliException(FILE + ": unknown runtime '" + runtime
                + "'", "Kumo runs " + String.join(", ", Language.names()) + " functions."));
    }

    /** The template the function was made from; {@code invoke: cloudevent} means cloudevents when it is not set. */
    @JsonIgnore
    public Template kind() {
        Optional<Template> named = Template.parse(template);
        return named.orElse("cloudevent".equals(invoke) ? Template.CLOUDEVENTS : Template.HTTP);
    }

    /** Reads {@code dir/func.yaml}; a missing or malformed file is an error naming it and the fix. */
    public static FuncYaml read(Path dir) {
        Path file = dir.resolve(FILE);
        FuncYaml yaml;
        try {
            yaml = MAPPER.readValue(Files.readString(file), FuncYaml.class);
        } catch (NoSuchFileException e) {
            throw new CliException("no function in " + dir + ": " + FILE + " not found",
                    "Run it in a function's directory or give --path DIR; make one with 'kumo func create'.");
        } catch (IOException e) {
            throw new CliException("reading " + file + ": " + e.getMessage());
        }
        if (yaml == null || yaml.name().isBlank()) {
            throw new CliException(file + ": name is not set", "Add 'name: NAME' to it.");
        }
        return yaml;
    }

    /** The file's text. */
    public String text() {
        try {
            ObjectNode tree = MAPPER.valueToTree(this);
            tree.properties().removeIf(field -> field.getValue().isContainerNode() && field.getValue().isEmpty());
            return MAPPER.writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalStateException("writing func.yaml", e);
        }
    }

    /** Writes {@code dir/func.yaml}. */
    public void write(Path dir) {
        try {
            Files.writeString(dir.resolve(FILE), text());
        } catch (IOException e) {
            throw new CliException("writing " + dir.resolve(FILE) + ": " + e.getMessage());
        }
    }
}
