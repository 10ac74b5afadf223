package dev.kumo.store.internal;

import static dev.kumo.store.TestObjects.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.store.ListOptions;
import dev.kumo.store.SqliteOptions;
import dev.kumo.store.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A full disk, made real inside the process: SQLite's {@code max_page_count} on the writer makes SQLite itself fail
 * writes with SQLITE_FULL, the error ENOSPC gives. Writes must then fail whole with 507, leave nothing behind, and
 * succeed again as soon as there is room, with the failure logged once when it starts and once when it ends.
 */
class SqliteDiskFullTest {

    private static final String BIG_VALUE = "x".repeat(16 * 1024);

    @TempDir
    Path temp;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger outageLog = (Logger) LoggerFactory.getLogger(WriteOutage.class);

    @BeforeEach
    void recordLog() {
        logged.start();
        outageLog.addAppender(logged);
    }

    @AfterEach
    void stopRecording() {
        outageLog.detachAppender(logged);
    }

    @Test
    void aFullDiskFailsWritesWith507UntilSpaceReturnsThenTheStoreGoesOnWithoutARestart() throws Exception {
        Path database = temp.resolve("kumo.db");
        SqliteBackend backend = SqliteBackend.open(database, SqliteOptions.Synchronous.NORMAL);
        List<String> stored = new ArrayList<>();
        long versionBeforeFull;
        try (StoreEngine store = new StoreEngine(backend, StoreOptions.DEFAULTS)) {
            store.create(ResourceTypes.CONFIGMAP, configMap("default", "before"));
            backend.limitGrowth(40);

            ApiException full = null;
            for (int i = 0; i < 200 && full == null; i++) {
                String name = "big-" + i;
                try {
                    store.create(ResourceTypes.CONFIGMAP, big(name));
                    stored.add(name);
                } catch (ApiException e) {
                    full = e;
                }
            }
            assertThat(full).as("the page limit was reached").isNotNull();
            assertThat(full.reason()).isEqualTo(StatusReason.InsufficientStorage);
            assertThat(full.code()).isEqualTo(507);
            assertThat(full.getMessage()).contains("the disk is full", "SQLITE_FULL", "free space", "retry");
            versionBeforeFull = store.resourceVersion();

            // Still full: every write fails whole, the lone one and those group-committed together alike; none
            // hangs, none is half-kept.
            ApiException again = catchThrowableOfType(ApiException.class,
                    () -> store.create(ResourceTypes.CONFIGMAP, big("still-full")));
            assertThat(again.reason()).isEqualTo(StatusReason.InsufficientStorage);
            assertThat(concurrentBigWrites(store, "batch-", 8)).containsOnly(StatusReason.InsufficientStorage);
            assertThat(store.resourceVersion()).isEqualTo(versionBeforeFull);
            assertThat(names(store)).containsExactlyInAnyOrderElementsOf(withBefore(stored));
            assertThat(messages()).hasSize(1).first().asString()
                    .contains("writes to " + database + " are failing", "the disk is full");

            backend.limitGrowth(100_000);
            ObjectNode after = store.create(ResourceTypes.CONFIGMAP, big("after"));
            assertThat(after.at("/metadata/resourceVersion").asLong()).isEqualTo(versionBeforeFull + 1);
            assertThat(concurrentBigWrites(store, "later-", 8)).containsOnlyNulls();
            assertThat(messages()).hasSize(2).last().asString().contains("succeed again", "failed writes");
        }
        try (StoreEngine reopened = new StoreEngine(SqliteBackend.open(database, SqliteOptions.Synchronous.NORMAL),
                StoreOptions.DEFAULTS)) {
            assertThat(reopened.resourceVersion()).isEqualTo(versionBeforeFull + 9);
            List<String> expected = new ArrayList<>(withBefore(stored));
            expected.add("after");
            for (int i = 0; i < 8; i++) {
                expected.add("later-" + i);
            }
            assertThat(names(reopened)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aWriteThatFailsForWantOfSpaceLeavesNoTraceInTheDatabase() {
        Path database = temp.resolve("kumo.db");
        SqliteBackend backend = SqliteBackend.open(database, SqliteOptions.Synchronous.NORMAL);
        try (StoreEngine store = new StoreEngine(backend, StoreOptions.DEFAULTS)) {
            backend.limitGrowth(0);
            assertThatThrownBy(() -> store.create(ResourceTypes.CONFIGMAP, big("too-big")))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.reason()).isEqualTo(StatusReason.InsufficientStorage));
            // A small write that fits in the pages already there must be whole, not a leftover of the failure.
            ObjectNode small = store.create(ResourceTypes.CONFIGMAP, configMap("default", "small"));
            assertThat(small.at("/metadata/resourceVersion").asLong()).isEqualTo(1);
            assertThat(store.get(ResourceTypes.CONFIGMAP, "default", "too-big")).isEmpty();
            assertThat(backend.resourceVersion()).isEqualTo(1);
        }
    }

    /** Writes {@code count} big ConfigMaps at once; each one's failure reason, or null when it was stored. */
    private static List<StatusReason> concurrentBigWrites(StoreEngine store, String prefix, int count)
            throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(count);
        try {
            List<Future<StatusReason>> outcomes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = prefix + i;
                outcomes.add(writers.submit(() -> {
                    try {
                        store.create(ResourceTypes.CONFIGMAP, big(name));
                        return null;
                    } catch (ApiException e) {
                        return e.reason();
                    }
                }));
            }
            List<StatusReason> reasons = new ArrayList<>();
            for (Future<StatusReason> outcome : outcomes) {
                reasons.add(outcome.get(30, TimeUnit.SECONDS));
            }
            return reasons;
        } finally {
            writers.shutdownNow();
        }
    }

    private static ObjectNode big(String name) {
        ObjectNode configMap = configMap("default", name);
        configMap.putObject("data").put("key", BIG_VALUE);
        return configMap;
    }

    private static List<String> names(StoreEngine store) {
        return store.list(ResourceTypes.CONFIGMAP, ListOptions.ALL).items().stream()
                .map(o -> o.at("/metadata/name").asText()).toList();
    }

    private static List<String> withBefore(List<String> names) {
        List<String> all = new ArrayList<>(names);
        all.add("before");
        return all;
    }

    private List<String> messages() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
