package dev.kumo.controller.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start in order, stop in reverse, roll back a failed start, collect stop failures. */
class ComponentsTest {

    private final List<String> events = new ArrayList<>();
    private final Components components = new Components();

    @Test
    void startsInOrderAndStopsInReverse() {
        components.start("a", recording("a"));
        components.open("b", () -> (AutoCloseable) () -> events.add("close b"));
        components.run("c", () -> events.add("run c"));
        components.start("d", recording("d"));

        components.stop();

        assertThat(events).containsExactly("start a", "run c", "start d", "stop d", "close b", "stop a");
    }

    @Test
    void aFailedStartStopsWhatStartedBeforeAndRethrowsItsException() {
        IllegalStateException bind = new IllegalStateException("port 80 in use");
        components.start("a", recording("a"));
        components.start("b", recording("b"));

        assertThatThrownBy(() -> components.start("router", Component.of(() -> {
            throw bind;
        }, () -> events.add("stop router")))).isSameAs(bind);

        assertThat(events).containsExactly("start a", "start b", "stop b", "stop a");
        components.stop(); // nothing left to stop
        assertThat(events).hasSize(4);
    }

    @Test
    void aFailedOpenOrStepRollsBackToo() {
        components.start("a", recording("a"));
        assertThatThrownBy(() -> components.open("b", () -> {
            throw new IllegalArgumentException("no such file");
        })).hasMessage("no such file");
        assertThat(events).containsExactly("start a", "stop a");

        components.start("c", recording("c"));
        assertThatThrownBy(() -> components.run("d", () -> {
            throw new IllegalStateException("disk full");
        })).hasMessage("disk full");
        assertThat(events).containsExactly("start a", "stop a", "start c", "stop c");
    }

    @Test
    void aValueIsKeptWithNothingToStopAndAnOpenedThingIsHandedToItsStop() {
        String token = components.value("token", () -> "secret");
        List<String> pool = components.open("pool", () -> new ArrayList<>(List.of("thread")), List::clear);

        assertThat(token).isEqualTo("secret");
        components.stop();
        assertThat(pool).isEmpty();
        assertThatThrownBy(() -> components.value("certificate", () -> {
            throw new IllegalStateException("keytool failed");
        })).hasMessage("keytool failed");
    }

    @Test
    void stopFailuresAreCollectedAndEveryComponentIsStopped() {
        components.start("a", recording("a"));
        components.start("b", failingStop("b"));
        components.start("c", failingStop("c"));

        assertThatThrownBy(components::stop)
                .hasMessage("stopping c: c would not stop")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessage("stopping b: b would not stop")));
        assertThat(events).containsExactly("start a", "start b", "start c", "stop a");
    }

    @Test
    void aStopFailureDuringRollBackIsSuppressedOnTheStartFailure() {
        components.start("a", failingStop("a"));
        IllegalStateException cause = new IllegalStateException("cannot start b");

        assertThatThrownBy(() -> components.start("b", Component.step(() -> {
            throw cause;
        }))).isSameAs(cause);

        assertThat(cause.getSuppressed()).singleElement()
                .satisfies(s -> assertThat(s).hasMessage("stopping a: a would not stop"));
    }

    private Component recording(String name) {
        return Component.of(() -> events.add("start " + name), () -> events.add("stop " + name));
    }

    private Component failingStop(String name) {
        return Component.of(() -> events.add("start " + name), () -> {
            throw new IllegalStateException(name + " would not stop");
        });
    }
}
