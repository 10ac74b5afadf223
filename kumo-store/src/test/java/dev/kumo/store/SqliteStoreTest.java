package dev.kumo.store;

import static dev.kumo.store.TestObjects.configMap;
import static dev.kumo.store.TestObjects.configuration;
import static dev.kumo.store.TestObjects.edited;
import static dev.kumo.store.TestObjects.label;
import static dev.kumo.store.TestObjects.ownedBy;
import static dev.kumo.store.TestObjects.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract against the SQLite store, plus what only a store on disk must do: outlive a restart. */
class SqliteStoreTest extends AbstractResourceStoreTest {

    @TempDir
    Path temp;

    private final AtomicInteger stores = new AtomicInteger();

    /** The contract runs with synchronous=NORMAL: same semantics, fewer fsyncs; the reopen tests use FULL. */
    @Override
    protected ResourceStore openStore(StoreOptions options) {
        return SqliteStore.open(temp.resolve("store-" + stores.incrementAndGet()),
                new SqliteOptions(SqliteOptions.Synchronous.NORMAL, options));
    }

    private ResourceStore reopen(Path dataDir) {
        return SqliteStore.open(dataDir, SqliteOptions.DEFAULTS.withStore(options()));
    }

    @Test
    void objectsAndTheResourceVersionSurviveReopening() {
        Path dataDir = temp.resolve("data");
        ObjectNode hello;
        ObjectNode settings;
        long version;
        try (ResourceStore store = reopen(dataDir)) {
            ObjectNode created = store.create(ResourceTypes.SERVICE, service("default", "hello"));
            hello = store.update(ResourceTypes.SERVICE, edited(created, label("x", "y")));
            settings = store.create(ResourceTypes.CONFIGMAP, configMap("default", "settings"));
            store.create(ResourceTypes.CONFIGMAP, configMap("default", "gone"));
            store.delete(ResourceTypes.CONFIGMAP, "default", "gone", DeleteOptions.DEFAULT);
            version = store.resourceVersion();
        }

        try (ResourceStore store = reopen(dataDir)) {
            assertThat(Files.exists(dataDir.resolve(SqliteStore.DATABASE_FILE))).isTrue();
            assertThat(store.resourceVersion()).isEqualTo(version);
            assertThat(store.get(ResourceTypes.SERVICE, "default", "hello")).contains(hello);
            assertThat(store.get(ResourceTypes.CONFIGMAP, "default", "settings")).contains(settings);
            assertThat(store.get(ResourceTypes.CONFIGMAP, "default", "gone")).isEmpty();
            assertThat(store.list(ResourceTypes.CONFIGMAP, ListOptions.ALL).resourceVersion()).isEqualTo(version);
            ObjectNode next = store.create(ResourceTypes.CONFIGMAP, configMap("default", "next"));
            assertThat(TestObjects.resourceVersion(next)).isEqualTo(Long.toString(version + 1));
        }
    }

    @Test
    void theWatchWindowStartsAtTheResourceVersionFoundOnDisk() {
        Path dataDir = temp.resolve("data");
        long version;
        try (ResourceStore store = reopen(dataDir)) {
            store.create(ResourceTypes.CONFIGMAP, configMap("default", "one"));
            store.create(ResourceTypes.CONFIGMAP, configMap("default", "two"));
            version = store.resourceVersion();
        }

        try (ResourceStore store = reopen(dataDir)) {
            ApiException failure = failure(() -> store.watch(ResourceTypes.CONFIGMAP,
                    new WatchOptions(ListOptions.ALL, Optional.of(version - 1)), new RecordingListener()));
            RecordingListener listener = new RecordingListener();
            store.watch(ResourceTypes.CONFIGMAP, new WatchOptions(ListOptions.ALL, Optional.of(version)), listener);
            store.create(ResourceTypes.CONFIGMAP, configMap("default", "three"));

            assertThat(failure.reason()).isEqualTo(StatusReason.Expired);
            assertThat(failure).hasMessage("too old resource version: " + (version - 1) + " (" + version + ")");
            assertThat(listener.awaitEvents(1)).extracting(WatchEvent::resourceVersion).containsExactly(version + 1);
        }
    }

    @Test
    void ownersAreStillFoundAfterReopening() {
        Path dataDir = temp.resolve("data");
        try (ResourceStore store = reopen(dataDir)) {
            ObjectNode service = store.create(ResourceTypes.SERVICE, service("default", "hello"));
            store.create(ResourceTypes.CONFIGURATION, configuration("default", "hello", ownedBy(service)));
        }

        try (ResourceStore store = reopen(dataDir)) {
            store.delete(ResourceTypes.SERVICE, "default", "hello", DeleteOptions.DEFAULT);

            assertThat(store.get(ResourceTypes.CONFIGURATION, "default", "hello")).isEmpty();
        }
    }

    @Test
    void aDataDirectoryHasOneStoreAtATime() {
        Path dataDir = temp.resolve("data");
        try (ResourceStore store = reopen(dataDir)) {
            assertThat(store.resourceVersion()).isZero();
            assertThatThrownBy(() -> reopen(dataDir)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
        }
        reopen(dataDir).close();
    }

    @Test
    void synchronousNormalIsAnOption() {
        Path dataDir = temp.resolve("data");
        SqliteOptions normal = SqliteOptions.DEFAULTS.withSynchronous(SqliteOptions.Synchronous.NORMAL)
                .withStore(options());
        try (ResourceStore store = SqliteStore.open(dataDir, normal)) {
            store.create(ResourceTypes.CONFIGMAP, configMap("default", "one"));
        }

        try (ResourceStore store = reopen(dataDir)) {
            assertThat(store.get(ResourceTypes.CONFIGMAP, "default", "one")).isPresent();
        }
    }
}
