package dev.kumo.controller.configuration;

import static dev.kumo.controller.testing.Objects.byoName;
import static dev.kumo.controller.testing.Objects.condition;
import static dev.kumo.controller.testing.Objects.configGeneration;
import static dev.kumo.controller.testing.Objects.configStatus;
import static dev.kumo.controller.testing.Objects.configuration;
import static dev.kumo.controller.testing.Objects.controller;
import static dev.kumo.controller.testing.Objects.edit;
import static dev.kumo.controller.testing.Objects.failed;
import static dev.kumo.controller.testing.Objects.ofConfiguration;
import static dev.kumo.controller.testing.Objects.ready;
import static dev.kumo.controller.testing.Objects.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.serving.ConfigurationStatus;
import dev.kumo.api.serving.Revision;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.testing.CountingStore;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.testing.Normalized;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigurationReconcilerTest {

    private static final NamespacedName HELLO = new NamespacedName("default", "hello");
    private static final String FAILURE = "container exited with code 3: boom";

    record Row(String name, List<HasMetadata> objects, NamespacedName key, List<Revision> wantRevisions,
            Optional<ConfigurationStatus> wantStatus) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("the first generation stamps hello-00001", List.of(configuration("hello")), HELLO,
                        List.of(stamped("hello-00001", 1)),
                        Optional.of(status(1, "hello-00001", null, condition("Ready", "Unknown")))),
                new Row("generation 3 stamps hello-00003", List.of(configuration("hello", configGeneration(3))),
                        HELLO, List.of(stamped("hello-00003", 3)),
                        Optional.of(status(3, "hello-00003", null, condition("Ready", "Unknown")))),
                new Row("a bring-your-own name is used as is",
                        List.of(configuration("hello", byoName("hello-blue"))), HELLO,
                        List.of(stamped("hello-blue", 1).withSpec(
                                configuration("hello").spec().template().spec())),
                        Optional.of(status(1, "hello-blue", null, condition("Ready", "Unknown")))),
                new Row("a ready latest Revision makes the Configuration ready",
                        List.of(configuration("hello"), revision("hello-00001", ofConfiguration("hello", 1), ready())),
                        HELLO, List.of(),
                        Optional.of(status(1, "hello-00001", "hello-00001", condition("Ready", "True")))),
                new Row("a failing latest Revision leaves latestReady on the last ready one",
                        List.of(configuration("hello", configGeneration(2)),
                                revision("hello-00001", ofConfiguration("hello", 1), ready()),
                                revision("hello-00002", ofConfiguration("hello", 2), failed("ExitCode", FAILURE))),
                        HELLO, List.of(),
                        Optional.of(status(2, "hello-00002", "hello-00001", condition("Ready", "False",
                                "RevisionFailed", "Revision \"hello-00002\" failed with message: " + FAILURE + ".")))),
                new Row("a Revision that became ready late is still found",
                        List.of(configuration("hello", configGeneration(2),
                                        configStatus("hello-00002", null, condition("Ready", "Unknown"))),
                                revision("hello-00001", ofConfiguration("hello", 1), ready()),
                                revision("hello-00002", ofConfiguration("hello", 2))),
                        HELLO, List.of(),
                        Optional.of(status(2, "hello-00002", "hello-00001", condition("Ready", "Unknown")))),
                new Row("a name taken by another owner's Revision is reported",
                        List.of(revision("hello-00001"), configuration("hello")), HELLO, List.of(),
                        Optional.of(status(1, null, null, condition("Ready", "False", "RevisionFailed",
                                "Revision creation failed with message: revision \"hello-00001\" already exists and"
                                        + " is not owned by configuration \"hello\"; choose another"
                                        + " spec.template.metadata.name.")))),
                new Row("a missing Configuration is nothing to do", List.of(), HELLO, List.of(), Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reconcile(Row row) {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, row.objects());
            Result result = ConfigurationController.reconciler(store, ManualClock.atEpoch()).reconcile(row.key());
            assertThat(result).isEqualTo(Result.done());
            for (Revision want : row.wantRevisions()) {
                assertThat(store.get(ResourceTypes.REVISION, "default", want.metadata().name()).map(Normalized::object))
                        .contains(Normalized.object(want));
            }
            if (row.wantRevisions().isEmpty() && row.objects().stream().noneMatch(o -> o instanceof Revision)) {
                assertThat(store.list(ResourceTypes.REVISION, ListOptions.ALL).items()).isEmpty();
            }
            row.wantStatus().ifPresent(want -> assertThat(store.get(ResourceTypes.CONFIGURATION, "default", "hello")
                    .map(c -> Normalized.status(c.get("status")))).contains(Normalized.status(want)));
        }
    }

    /**
     * Level-based without listing: a settled Configuration, and one rolling out to the next generation, are
     * reconciled by reading their Revisions by name, however many other Revisions the namespace holds.
     */
    @Test
    void settledAndRollingOutConfigurationsAreReconciledWithoutListingRevisions() {
        try (CountingStore store = new CountingStore(InMemoryStore.create())) {
            List<HasMetadata> objects = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                objects.add(configuration("other" + i));
                objects.add(revision("other" + i + "-00001", ofConfiguration("other" + i, 1), ready()));
            }
            objects.add(configuration("hello", configStatus("hello-00001", "hello-00001", condition("Ready", "True"))));
            objects.add(revision("hello-00001", ofConfiguration("hello", 1), ready()));
            objects.add(configuration("rolling", configGeneration(2),
                    configStatus("rolling-00002", "rolling-00001", condition("Ready", "Unknown"))));
            objects.add(revision("rolling-00001", ofConfiguration("rolling", 1), ready()));
            objects.add(revision("rolling-00002", ofConfiguration("rolling", 2)));
            Seed.load(store, objects);
            ConfigurationReconciler reconciler = ConfigurationController.reconciler(store, ManualClock.atEpoch());

            reconciler.reconcile(HELLO);
            reconciler.reconcile(new NamespacedName("default", "rolling"));

            assertThat(store.lists(ResourceTypes.REVISION)).isZero();
            assertThat(store.get(ResourceTypes.CONFIGURATION, "default", "rolling").map(c -> Normalized.status(
                    c.get("status")))).contains(Normalized.status(status(2, "rolling-00002", "rolling-00001",
                    condition("Ready", "Unknown"))));
        }
    }

    private static Revision stamped(String name, long generation) {
        Revision revision = revision(name, ofConfiguration("hello", generation));
        return revision.withMetadata(edit(revision.metadata(), m -> {
            m.labels.put("serving.knative.dev/configurationUID", "<uid>");
            m.owners = List.of(controller("Configuration", "hello"));
        }));
    }

    private static ConfigurationStatus status(long generation, String latestCreated, String latestReady,
            dev.kumo.api.meta.Condition... conditions) {
        return new ConfigurationStatus(generation, List.of(conditions), null, latestReady, latestCreated);
    }
}
