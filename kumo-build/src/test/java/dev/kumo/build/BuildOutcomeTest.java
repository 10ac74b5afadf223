package dev.kumo.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildOutcomeTest {

    @Test
    void failedKeepsACopyOfItsLogTail() {
        List<String> tail = new ArrayList<>(List.of("Hello.java:3: error: ';' expected"));
        var failed = new BuildOutcome.Failed("compile", "CompileFailed", tail);
        tail.clear();
        assertThat(failed.logTail()).containsExactly("Hello.java:3: error: ';' expected");
    }

    @Test
    void requestNeedsItsImage() {
        assertThatThrownBy(() -> new BuildRequest(Path.of("."), null, Map.of(), Path.of("/tmp")))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("image");
    }
}
