package dev.kumo.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCyclesTest {

    /**
     * The package cycles found when this check was added (issue #11); each is to be broken, none added. A module's
     * own test may demand none at all (kumo-cli's {@code CliPackageCyclesTest}).
     */
    private static final List<Set<String>> KNOWN = List.of(
            Set.of("dev.kumo.api.serving", "dev.kumo.api.serving.defaults", "dev.kumo.api.serving.validation"),
            Set.of("dev.kumo.api.eventing", "dev.kumo.api.eventing.defaults", "dev.kumo.api.eventing.validation"),
            Set.of("dev.kumo.api.sources", "dev.kumo.api.sources.defaults", "dev.kumo.api.sources.validation"),
            Set.of("dev.kumo.apiserver", "dev.kumo.apiserver.internal"),
            Set.of("dev.kumo.controller.route", "dev.kumo.controller.route.resources"),
            Set.of("dev.kumo.store", "dev.kumo.store.internal"));

    @TempDir
    Path temp;

    @Test
    void findsACycleThroughQualifiedNamesAndImports() throws IOException {
        source("a/A.java", "package dev.kumo.x.a;\nimport dev.kumo.x.b.B;\nclass A { B b; }\n");
        source("b/B.java", "package dev.kumo.x.b;\nclass B { dev.kumo.x.c.C c; }\n");
        source("c/C.java", "package dev.kumo.x.c;\nimport static dev.kumo.x.a.A.make;\nclass C { }\n");
        source("d/D.java", "package dev.kumo.x.d;\nimport dev.kumo.x.a.A;\nclass D { }\n");

        assertThat(PackageCycles.in(temp)).containsExactly(Set.of("dev.kumo.x.a", "dev.kumo.x.b", "dev.kumo.x.c"));
    }

    @Test
    void oneWayDependenciesAreNoCycle() throws IOException {
        source("a/A.java", "package dev.kumo.x.a;\nimport dev.kumo.x.b.B;\nclass A { }\n");
        source("b/B.java", "package dev.kumo.x.b;\n/** Not {@link dev.kumo.x.b.B} itself. */\nclass B { }\n");

        assertThat(PackageCycles.graph(temp)).containsEntry("dev.kumo.x.a", Set.of("dev.kumo.x.b"))
                .containsEntry("dev.kumo.x.b", Set.of());
        assertThat(PackageCycles.in(temp)).isEmpty();
    }

    /**
     * Every module's main sources, read from the checkout this module is built in: no cycle beyond the known ones (a
     * known one may shrink).
     */
    @Test
    void noModuleHasAPackageCycleBeyondTheKnownOnes() throws IOException {
        List<Path> modules;
        try (Stream<Path> dirs = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            modules = dirs.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).sorted().toList();
        }
        assertThat(modules).extracting(m -> m.getFileName().toString()).contains("kumo-common", "kumo-cli");
        List<Set<String>> found = new ArrayList<>();
        for (Path module : modules) {
            found.addAll(PackageCycles.in(module.resolve("src/main/java")));
        }
        assertThat(found).allSatisfy(cycle -> assertThat(KNOWN.stream().anyMatch(known -> known.containsAll(cycle)))
                .as("a new package cycle: %s", cycle).isTrue());
    }

    private void source(String path, String text) throws IOException {
        Path file = temp.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
