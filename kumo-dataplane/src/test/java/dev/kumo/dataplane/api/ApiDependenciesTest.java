package dev.kumo.dataplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data plane's API depends on no engine: no compiled class of {@code dev.kumo.dataplane.api} names a class of
 * another {@code dev.kumo.dataplane} package. A class file names every class it uses (fields, signatures, calls,
 * constants) in its constant pool as {@code dev/kumo/dataplane/...}, so reading those bytes finds every real
 * dependency; imports that nothing uses and Javadoc links leave no trace, and need none.
 */
class ApiDependenciesTest {

    private static final String API = "dev/kumo/dataplane/api/";

    @Test
    void theApiPackageUsesNoOtherDataPlanePackage() throws IOException, URISyntaxException {
        Path classes = Path.of(Router.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path api = classes.resolve(API);
        List<Path> files;
        try (Stream<Path> listed = Files.list(api)) {
            files = listed.filter(f -> f.toString().endsWith(".class")).toList();
        }
        assertThat(files).as("compiled classes in " + api).hasSizeGreaterThan(5);
        for (Path file : files) {
            String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            int at = constants.indexOf("dev/kumo/dataplane/");
            while (at >= 0) {
                assertThat(constants.startsWith(API, at))
                        .as(file.getFileName() + " names " + constants.substring(at, Math.min(constants.length(),
                                at + 60)).split("[;<\\x00-\\x1f]")[0])
                        .isTrue();
                at = constants.indexOf("dev/kumo/dataplane/", at + 1);
            }
        }
    }
}
