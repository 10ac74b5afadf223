package dev.kumo.cli.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.shipwright.ShipwrightTypes;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The Build and BuildRun objects the CLI writes, with Shipwright's field names. */
final class BuildManifests {

    /** How many succeeded and failed runs of a Build of the CLI's are kept (Shipwright's spec.retention). */
    static final int RUNS_KEPT = 5;

    private BuildManifests() {
    }

    /** A Build of the directory {@code dir} with {@code strategy} and its {@code params} into {@code image}. */
    static ObjectNode build(String namespace, String name, Path dir, String strategy, String image,
            Map<String, String> params) {
        ObjectNode build = build(namespace, name, dir, strategy, image);
        if (!params.isEmpty()) {
            var values = ((ObjectNode) build.path("spec")).putArray("paramValues");
            new TreeMap<>(params).forEach((key, value) -> values.addObject().put("name", key).put("value", value));
        }
        return build;
    }

    /** A Build of the directory {@code dir} with {@code strategy} into {@code image}. */
    static ObjectNode build(String namespace, String name, Path dir, String strategy, String image) {
        return build(namespace, name, "file://" + dir.toAbsolutePath().normalize(), null, strategy, image);
    }

    /**
     * A Build of the git repository {@code url} (its {@code contextDir} if given) with {@code strategy}, keeping its
     * last {@link #RUNS_KEPT} succeeded and failed runs.
     */
    static ObjectNode build(String namespace, String name, String url, String contextDir, String strategy,
            String image) {
        ObjectNode build = Json.object().put("apiVersion", ShipwrightTypes.BUILD.apiVersion())
                .put("kind", ShipwrightTypes.BUILD.kind());
        build.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode spec = build.putObject("spec");
        ObjectNode source = spec.putObject("source").put("type", "Git");
        source.putObject("git").put("url", url);
        if (contextDir != null) {
            source.put("contextDir", contextDir);
        }
        spec.putObject("strategy").put("kind", "ClusterBuildStrategy").put("name", strategy);
        spec.putObject("output").put("image", image);
        // each build run and each --source deploy makes a run: without a limit they pile up
        spec.putObject("retention").put("succeededLimit", RUNS_KEPT).put("failedLimit", RUNS_KEPT);
        return build;
    }

    /** A new run of the Build {@code build}, named after it with a random suffix. */
    static ObjectNode run(String namespace, String build) {
        ObjectNode run = Json.object().put("apiVersion", ShipwrightTypes.BUILD_RUN.apiVersion())
                .put("kind", ShipwrightTypes.BUILD_RUN.kind());
        run.putObject("metadata").put("generateName", build + "-").put("namespace", namespace);
        run.putObject("spec").putObject("build").put("name", build);
        return run;
    }

    /** The image a Build of the CLI's makes for {@code name}: local to this machine, never pulled. */
    static String localImage(String namespace, String name) {
        return "dev.local/" + namespace + "/" + name + ":latest";
    }
}
