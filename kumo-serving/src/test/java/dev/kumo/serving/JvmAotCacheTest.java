package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmAotCacheTest {

    private static final RevisionId HELLO = new RevisionId("default", "hello-00001");
    private static final Map<String, String> OPTED_IN = Map.of(JvmAotCache.ANNOTATION, "true");

    @TempDir
    Path root;

    private final Set<String> running = new HashSet<>();
    private Optional<String> unsupported = Optional.empty();

    @Test
    void theFirstInstanceRecordsOthersWaitForItThenAllUseTheCache() throws Exception {
        JvmAotCache aot = cache();
        Path recording = aot.dir(HELLO).resolve("recording").resolve("app.aot");
        Path cache = aot.dir(HELLO).resolve("app.aot");

        ProcessWorkload first = aot.specFor(HELLO, OPTED_IN, java());
        assertThat(first.commandLine()).containsExactly("/jdk/bin/java", "-XX:AOTCacheOutput=" + recording,
                "Hello.java");
        assertThat(first.terminationGracePeriod()).as("time to write the cache at exit")
                .isEqualTo(JvmAotCache.RECORDING_GRACE);
        aot.started(HELLO, first, "a");
        running.add("a");

        assertThat(aot.specFor(HELLO, OPTED_IN, java()).commandLine()).as("while a records")
                .containsExactly("/jdk/bin/java", "Hello.java");

        Files.writeString(recording, "cache");
        running.remove("a");
        assertThat(aot.specFor(HELLO, OPTED_IN, java()).commandLine())
                .containsExactly("/jdk/bin/java", "-XX:AOTCache=" + cache, "Hello.java");
        assertThat(cache).hasContent("cache");
        assertThat(recording).doesNotExist();
        assertThat(aot.specFor(HELLO, OPTED_IN, java()).commandLine()).contains("-XX:AOTCache=" + cache);
    }

    @Test
    void aRecorderThatEndedWithoutACacheIsFollowedByANewRecording() {
        JvmAotCache aot = cache();
        ProcessWorkload first = aot.specFor(HELLO, OPTED_IN, java());
        aot.started(HELLO, first, "a");

        ProcessWorkload second = aot.specFor(HELLO, OPTED_IN, java());

        assertThat(second.commandLine()).anyMatch(word -> word.startsWith("-XX:AOTCacheOutput="));
    }

    @Test
    void withoutTheAnnotationAJavaThatCannotOrACommandThatIsNotJavaTheSpecIsUnchanged() {
        JvmAotCache aot = cache();
        ProcessWorkload python = WorkloadSpec.process(ref()).command("python3").args("app.py").build();

        assertThat(aot.specFor(HELLO, Map.of(), java())).isEqualTo(java());
        assertThat(aot.specFor(HELLO, Map.of(JvmAotCache.ANNOTATION, "false"), java())).isEqualTo(java());
        assertThat(aot.specFor(HELLO, OPTED_IN, python)).isEqualTo(python);
        unsupported = Optional.of("/jdk/bin/java is Java 21");
        assertThat(aot.specFor(HELLO, OPTED_IN, java())).isEqualTo(java());
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void removingTheRevisionDeletesItsCache() throws Exception {
        JvmAotCache aot = cache();
        aot.specFor(HELLO, OPTED_IN, java());
        Files.writeString(aot.dir(HELLO).resolve("app.aot"), "cache");

        aot.remove(HELLO);

        assertThat(aot.dir(HELLO)).doesNotExist();
    }

    @Test
    void theJavaReleaseDecidesSupport() {
        assertThat(JavaAotSupport.whyNot("java", "    java.specification.version = 25\n")).isEmpty();
        assertThat(JavaAotSupport.whyNot("java", "    java.specification.version = 26\n")).isEmpty();
        assertThat(JavaAotSupport.whyNot("/usr/bin/java", "    java.specification.version = 17\n"))
                .contains("/usr/bin/java is Java 17; the one-step AOT cache (-XX:AOTCacheOutput) needs Java 25 "
                        + "or newer");
        assertThat(JavaAotSupport.whyNot("java", "Error: no JVM")).contains("java did not say its "
                + "java.specification.version");
    }

    @Test
    void theJdkRunningTheTestsSupportsIt() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        assertThat(new JavaAotSupport().whyNot(java)).isEmpty();
        assertThat(new JavaAotSupport().whyNot("/no/such/java")).get().asString().startsWith("cannot run");
    }

    private JvmAotCache cache() {
        return new JvmAotCache(root, java -> unsupported, running::contains);
    }

    private static ProcessWorkload java() {
        return WorkloadSpec.process(ref()).command(List.of("/jdk/bin/java")).args("Hello.java").build();
    }

    private static RevisionRef ref() {
        return new RevisionRef("default", Optional.of("hello"), "hello", "hello-00001");
    }
}
