package dev.kumo.cli.func;

import dev.kumo.cli.base.CliException;
import dev.kumo.cli.build.SourceBuild;
import dev.kumo.cli.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A function's image, through the Build API ({@code shipwright.io} Build/BuildRun, as {@code service create
 * --source}): the function's sources and Kumo's invoker are staged, content-addressed, under Kumo's data directory
 * ({@code functions/NAMESPACE/NAME/image-source-DIGEST}) and built by the {@code java} strategy (main class the
 * invoker's) or by {@code func} (Python and Node, on a base from the host's interpreter). Nothing is pulled.
 */
final class FunctionImageBuild {

    /** The Java invoker's main class, the {@code java} strategy's {@code main-class}. */
    static final String JAVA_MAIN = "kumo.func.Invoker";

    /** The variable telling an invoker the address to listen on: all of the container's own network namespace. */
    static final String LISTEN_HOST = "KUMO_LISTEN_HOST";

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"));

    private FunctionImageBuild() {
    }

    /** A built image: its name by tag (func.yaml's {@code image}) and by digest (what a Revision runs). */
    record Image(String tagged, String pinned) {

        /** The digest, {@code sha256:…}. */
        String digest() {
            return pinned.substring(pinned.indexOf('@') + 1);
        }
    }

    /** Builds the function of {@code project} into {@code dev.local/NAMESPACE/NAME}; says each step on stderr. */
    static Image build(Session session, Path project, FuncYaml yaml, String namespace) {
        Path source = stage(project, yaml, session.dataDirectory().resolve("functions").resolve(namespace)
                .resolve(yaml.name()));
        String pinned = SourceBuild.build(session, namespace, yaml.name(), source, strategy(yaml.language()),
                params(yaml.language()), "function " + yaml.name() + " in " + project + " (its sources staged in "
                + source + ")", "its Service");
        return new Image(pinned.substring(0, pinned.indexOf('@')) + ":latest", pinned);
    }

    /** The strategy that builds a function of {@code language}. */
    static String strategy(Language language) {
        return language == Language.JAVA ? "java" : "func";
    }

    /** The Build's parameters for a function of {@code language}. */
    static Map<String, String> params(Language language) {
        return language == Language.JAVA ? Map.of("main-class", JAVA_MAIN) : Map.of("runtime", language.value());
    }

    /** The arguments the image's entrypoint (the invoker) takes for the function: its template and name. */
    static List<String> args(FuncYaml yaml) {
        List<String> command = FunctionBuild.command(yaml.language(), yaml.kind(), yaml.name());
        // The Java invoker takes the handler's class first; the others take the template first.
        return command.subList(command.size() - (yaml.language() == Language.JAVA ? 3 : 2), command.size());
    }

    /**
     * The build's source under {@code functionDir}, named by the digest of its content: for Java the sources under
     * {@code src} but the tests, with the invoker's source; for Python and Node the function's files but
     * {@code func.yaml} (which a build rewrites), with the invoker. Staged once per content.
     */
    static Path stage(Path project, FuncYaml yaml, Path functionDir) {
        Path staging = functionDir.resolve(".staging-" + UUID.randomUUID());
        try {
            // The server's user's only, as everything under the data directory.
            Files.createDirectories(functionDir, OWNER_ONLY);
            Files.createDirectory(staging, OWNER_ONLY);
            for (Path file : FunctionFiles.sources(project)) {
                if (built(yaml.language(), file)) {
                    FunctionFiles.copy(project, staging, file);
                }
            }
            Path invoker = yaml.language() == Language.JAVA ? Path.of("src/kumo/func", Language.JAVA.invoker())
                    : Path.of(yaml.language().invoker());
            Files.createDirectories(staging.resolve(invoker).getParent());
            Files.write(staging.resolve(invoker), FunctionFiles.resource(FunctionFiles.invokerResource(
                    yaml.language())));
            Path dir = functionDir.resolve("image-source-" + FunctionFiles.digest(staging, yaml));
            if (Files.isDirectory(dir)) {
                FunctionFiles.deleteTree(staging);
                return dir;
            }
            try {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(dir)) {
                    throw raced;
                }
                FunctionFiles.deleteTree(staging); // another build staged the same content first
            }
            return dir;
        } catch (IOException e) {
            throw new CliException("staging the sources of function " + yaml.name() + " from " + project + " in "
                    + functionDir + ": " + e.getMessage());
        }
    }

    // Whether the file (relative to the function's directory) is part of the image's build.
    private static boolean built(Language language, Path file) {
        String name = file.getFileName().toString();
        if (language == Language.JAVA) {
            return file.getName(0).toString().equals("src") && name.endsWith(".java") && !name.endsWith("Test.java");
        }
        return !file.toString().equals(FuncYaml.FILE);
    }
}
