package dev.kumo.runtime.process;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ITs of a whole {@link ProcessRuntime} share: a runtime with the default config for each test, on a state
 * directory of its own, watched by a {@link RecordingListener}, closed after the test.
 */
abstract class WatchedRuntimeCase {

    @TempDir
    Path stateDir;
    ProcessRuntime runtime;
    final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void startRuntime() {
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir));
        runtime.watch(listener);
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }
}
