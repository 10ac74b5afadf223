package dev.kumo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every write the SQLite store acknowledged survives {@code kill -9} of its process. */
class SqliteKillNineIT {

    private static final int ACKS_BEFORE_KILL = 300;
    private static final int MOST_WRITES = 20_000;

    @TempDir
    Path temp;

    @Test
    void acknowledgedWritesSurviveKillNine() throws Exception {
        Path dataDir = temp.resolve("data");
        Path stderr = temp.resolve("writer.err");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                KillNineWriter.class.getName(), dataDir.toString(), Integer.toString(MOST_WRITES))
                .redirectError(stderr.toFile())
                .start();
        List<String> acks = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> readLines(writer, acks));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> acks.size() >= ACKS_BEFORE_KILL || !writer.isAlive());
            assertThat(writer.isAlive()).as("writer died early: %s", Files.readString(stderr)).isTrue();
        } finally {
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(Duration.ofSeconds(30));
        }

        assertThat(writer.exitValue()).isEqualTo(137);
        assertThat(acks).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        try (ResourceStore store = SqliteStore.open(dataDir)) {
            for (String ack : acks) {
                String[] fields = ack.split(" ");
                ObjectNode stored = store.get(ResourceTypes.CONFIGMAP, "default", fields[0])
                        .orElseThrow(() -> new AssertionError("acknowledged " + ack + " but lost"));
                assertThat(TestObjects.uid(stored)).isEqualTo(fields[1]);
                assertThat(TestObjects.resourceVersion(stored)).isEqualTo(fields[2]);
                assertThat(stored.path("data").path("key").asText()).isEqualTo("value");
            }
            long lastAcked = Long.parseLong(acks.getLast().split(" ")[2]);
            assertThat(store.resourceVersion()).isGreaterThanOrEqualTo(lastAcked);
        }
    }

    private static void readLines(Process writer, List<String> acks) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.matches("cm-\\d+ [0-9a-f-]{36} \\d+")) {
                    acks.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
