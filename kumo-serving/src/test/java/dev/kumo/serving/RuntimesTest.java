package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.serving.RuntimeName;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Several runtimes seen as one: ids say their owner, so two runtimes' equal ids never mix. */
class RuntimesTest {

    private static final RevisionRef HELLO = RevisionRef.ofService("default", "hello", "hello-00001");

    // Both name their first instance "same-1": ids are unique per runtime only.
    private final FakeRuntime process = new FakeRuntime("same");
    private final FakeRuntime container = new FakeRuntime("same");
    private final Runtimes runtimes = Runtimes.of(Map.of(RuntimeName.PROCESS, process, RuntimeName.CONTAINER,
            container));

    @Test
    void instancesOfEachRuntimeAreTakenApartByTheirQualifiedIds() {
        List<Instance> seen = new CopyOnWriteArrayList<>();
        runtimes.watch(seen::add);

        Instance asProcess = runtimes.start(RuntimeName.PROCESS, WorkloadSpec.process(HELLO).command("app").build());
        Instance asContainer = runtimes.start(RuntimeName.CONTAINER, WorkloadSpec.image(HELLO, "dev.local/app:1")
                .build());

        assertThat(asProcess.id()).as("the process runtime's ids are kept").isEqualTo("same-1");
        assertThat(asContainer.id()).isEqualTo("container/same-1");
        assertThat(runtimes.instances()).extracting(Instance::id)
                .containsExactlyInAnyOrder("same-1", "container/same-1");
        assertThat(seen).extracting(Instance::id).containsExactly("same-1", "container/same-1");
        assertThat(runtimes.instance("container/same-1")).contains(asContainer);

        runtimes.stop("container/same-1").join();

        assertThat(container.instances()).isEmpty();
        assertThat(process.instances()).as("the other runtime's same-1 keeps running").hasSize(1);
        assertThat(runtimes.instances()).extracting(Instance::id).containsExactly("same-1");
    }

    @Test
    void aRuntimeThatCouldNotStartIsUnavailableWithItsReason() {
        Runtimes partial = new Runtimes(Map.of(RuntimeName.PROCESS, process), Map.of(RuntimeName.CONTAINER,
                "podman not found"), RuntimeName.PROCESS);

        assertThat(partial.get(RuntimeName.CONTAINER)).isEmpty();
        assertThat(partial.unavailable(RuntimeName.CONTAINER)).contains("podman not found");
        assertThat(partial.unavailable(RuntimeName.PROCESS)).isEmpty();
        assertThat(partial.stop("container/x")).isCompletedExceptionally();
        assertThat(partial.start(WorkloadSpec.process(HELLO).command("app").build()).id())
                .as("a start without a name goes to the default runtime").isEqualTo("same-1");
    }
}
