package dev.kumo.cli.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.shipwright.ShipwrightTypes;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.session.Session;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code service create|update NAME --source DIR}: builds DIR as the Build {@code NAME} (the strategy picked by what
 * DIR holds), runs it, and answers the image by digest for the new Revision — saying each step as
 * {@code gcloud run deploy --source} does. A failed build prints its log tail and stops the command.
 */
public final class SourceBuild {

    private SourceBuild() {
    }

    /** {@code --source}'s directory, absolute; a clear error when it is none. */
    public static Path directory(String source) {
        Path dir = Path.of(source).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new CliException("--source " + source + " is not a directory", "Give the project's directory, "
                    + "e.g. --source . from inside it.");
        }
        return dir;
    }

    /** Builds {@code source} for the Service {@code name}; returns {@code IMAGE@sha256:…}. */
    public static String image(Session session, String name, String source) {
        Path dir = directory(source);
        String strategy = SourceKind.strategyFor(dir).orElseThrow(() -> new CliException("cannot tell how to "
                + "build " + dir + ": it holds no Containerfile or Dockerfile, no pom.xml or build.gradle and no "
                + ".java sources", "Add a Containerfile, or build an image yourself and give it with --image."));
        String pinned = build(session, session.namespace(), name, dir, strategy, Map.of(), dir.toString(),
                "service '" + name + "'");
        session.err().println("Creating Revision…");
        session.err().flush();
        return pinned;
    }

    /**
     * Builds {@code dir} as the Build {@code name} of {@code namespace} with {@code strategy} and its {@code params},
     * saying each step; returns {@code IMAGE@sha256:…}. A failed build prints its log tail and fails naming
     * {@code what} was built and that {@code kept} (what waited for the image) was left as it was.
     */
    public static String build(Session session, String namespace, String name, Path dir, String strategy,
            Map<String, String> params, String what, String kept) {
        String image = BuildManifests.localImage(namespace, name);
        PrintWriter err = session.err();
        session.client().apply(ShipwrightTypes.BUILD, namespace, name,
                BuildManifests.build(namespace, name, dir, strategy, image, params));
        ObjectNode run = session.client().create(ShipwrightTypes.BUILD_RUN, namespace,
                BuildManifests.run(namespace, name));
        String runName = run.path("metadata").path("name").asText();
        err.println("Building… (" + strategy + ", buildrun " + runName + ")");
        err.flush();
        ObjectNode ended = BuildRunWait.await(session, namespace, runName);
        JsonNode succeeded = BuildRunWait.succeeded(ended);
        if (!succeeded.path("status").asText().equals("True")) {
            err.println("Build failed (" + succeeded.path("reason").asText() + "):");
            String message = ended.path("status").path("failureDetails").path("message")
                    .asText(succeeded.path("message").asText());
            message.lines().forEach(line -> err.println("  " + line));
            err.flush();
            throw new CliException("building " + what + " failed; " + kept + " was left as it was",
                    "See the whole log with 'kumo buildrun logs " + runName + "'.");
        }
        String digest = ended.path("status").path("output").path("digest").asText();
        String pinned = image.substring(0, image.lastIndexOf(':')) + "@" + digest;
        err.println("Pushing to local storage… " + pinned);
        err.flush();
        return pinned;
    }
}
