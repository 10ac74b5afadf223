package dev.kumo.cli.func;

import dev.kumo.cli.base.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Built functions kept for deployed Revisions, content-addressed under Kumo's data directory:
 * {@code functions/NAMESPACE/NAME/DIGEST}, written once and never changed, so that each Revision runs what it was
 * made from. A build whose digest is there already is not built again.
 */
final class FunctionStore {

    private final Path root;

    /** A store under {@code dataDirectory/functions}. */
    FunctionStore(Path dataDirectory) {
        this.root = dataDirectory.resolve("functions");
    }

    /** A stored build of {@code project}, made now when its digest is not stored yet; and whether it was. */
    Stored put(Path project, FuncYaml yaml, String namespace) {
        String digest = FunctionFiles.digest(project, yaml);
        Path dir = root.resolve(namespace).resolve(yaml.name()).resolve(digest);
        if (Files.isDirectory(dir)) {
            return new Stored(digest, built(yaml, dir), false);
        }
        Path staging = dir.resolveSibling(".staging-" + UUID.randomUUID());
        FunctionBuild.build(project, yaml, staging);
        try {
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(staging);
            if (Files.isDirectory(dir)) {
                return new Stored(digest, built(yaml, dir), false); // another deploy stored the same content first
            }
            throw new CliException("storing the build of " + yaml.name() + " in " + dir + ": " + e.getMessage());
        }
        return new Stored(digest, built(yaml, dir), true);
    }

    /** What {@link #put} answers: the build's digest, where it is, and whether this call built it. */
    record Stored(String digest, FunctionBuild.Built built, boolean fresh) {
    }

    private static FunctionBuild.Built built(FuncYaml yaml, Path dir) {
        return new FunctionBuild.Built(dir, FunctionBuild.command(yaml.language(), yaml.kind(), yaml.name()));
    }

    private static void deleteQuietly(Path dir) {
        try {
            FunctionFiles.deleteTree(dir);
        } catch (IOException ignored) {
            // a leftover staging directory is harmless: nothing reads .staging-* names
        }
    }
}
