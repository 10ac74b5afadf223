package dev.kumo.cli.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.cli.base.CliException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSourcesTest {

    private static final InputStream NO_STDIN = InputStream.nullInputStream();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static String yaml(String kind, String name) {
        return "apiVersion: v1\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n";
    }

    private static List<String> names(List<Manifest> manifests) {
        return manifests.stream().map(m -> m.object().path("metadata").path("name").asText()).toList();
    }

    @Test
    void expandsADirectoryRecursivelyInPathOrderKeepingOnlyManifests() throws IOException {
        write("b.yaml", yaml("ConfigMap", "b"));
        write("a/z.yml", yaml("ConfigMap", "az"));
        write("a/c.json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"ac\"}}");
        write("README.md", "not a manifest");
        write("a/notes.txt", "neither");

        List<Manifest> manifests = ManifestSources.read(List.of(dir.toString()), NO_STDIN);

        assertThat(names(manifests)).containsExactly("ac", "az", "b");
    }

    @Test
    void readsEveryDocumentOfAFileAndTheItemsOfAList() throws IOException {
        Path file = write("all.txt", yaml("ConfigMap", "one") + "---\n" + yaml("ConfigMap", "two") + "---\n"
                + "apiVersion: v1\nkind: List\nitems:\n- " + yaml("Secret", "three").replace("\n", "\n  "));

        List<Manifest> manifests = ManifestSources.read(List.of(file.toString()), NO_STDIN);

        assertThat(names(manifests)).containsExactly("one", "two", "three");
        assertThat(manifests.get(1).location()).isEqualTo(file + " (object 2)");
    }

    @Test
    void readsStdinForADash() {
        InputStream stdin = new ByteArrayInputStream(yaml("Namespace", "team-a").getBytes(StandardCharsets.UTF_8));

        List<Manifest> manifests = ManifestSources.read(List.of("-"), stdin);

        assertThat(names(manifests)).containsExactly("team-a");
        assertThat(manifests.getFirst().source()).isEqualTo("<stdin>");
    }

    @Test
    void namesAMissingPath() {
        assertThatThrownBy(() -> ManifestSources.read(List.of(dir.resolve("nope.yaml").toString()), NO_STDIN))
                .isInstanceOf(CliException.class).hasMessageContaining("nope.yaml\" does not exist");
    }

    @Test
    void namesTheFileOfMalformedYaml() throws IOException {
        Path file = write("bad.yaml", "kind: [unclosed\n");
        assertThatThrownBy(() -> ManifestSources.read(List.of(file.toString()), NO_STDIN))
                .isInstanceOf(CliException.class).hasMessageStartingWith(file + ": malformed YAML or JSON");
    }
}
