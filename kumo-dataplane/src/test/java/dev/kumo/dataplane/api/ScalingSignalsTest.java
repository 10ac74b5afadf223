package dev.kumo.dataplane.api;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.autoscaler.metrics.LoadSample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.InstanceAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The router's and the autoscaler's signals: every receiver hears each one, a failing one stops none. */
class ScalingSignalsTest {

    private static final RevisionId HELLO = new RevisionId("default", "hello-00001");

    private final ScalingSignals signals = new ScalingSignals();

    @Test
    void demandLoadAndColdStartsReachEveryReceiverEvenAfterOneFails() {
        List<String> heard = new ArrayList<>();
        signals.onDemand(revision -> {
            throw new IllegalStateException("receiver broken");
        });
        signals.onDemand(revision -> heard.add("demand " + revision.name()));
        signals.onLoad((revision, sample) -> heard.add("load " + sample.requests()));
        signals.onColdStart(started -> heard.add("cold start " + started.servedBy().port()));

        signals.demand(HELLO);
        signals.load(HELLO, new LoadSample(100, 2.5, 7));
        signals.coldStart(new ColdStart(HELLO, new InstanceAddress("127.0.0.1", 8080), Duration.ofMillis(300)));

        assertThat(heard).containsExactly("demand hello-00001", "load 7", "cold start 8080");
    }

    @Test
    void aRemovedReceiverHearsNothingMoreAndTheOthersStillDo() {
        List<String> heard = new ArrayList<>();
        Runnable offDemand = signals.onDemand(revision -> heard.add("removed demand"));
        Runnable offLoad = signals.onLoad((revision, sample) -> heard.add("removed load"));
        signals.onDemand(revision -> heard.add("kept demand"));

        offDemand.run();
        offLoad.run();
        offLoad.run(); // twice: nothing more to remove
        signals.demand(HELLO);
        signals.load(HELLO, new LoadSample(100, 2.5, 7));

        assertThat(heard).containsExactly("kept demand");
    }

    @Test
    void theActivatorIsOutOfThePathUntilTheAutoscalerPutsItInAndTheRouterSeesItLive() {
        BooleanSupplier routerView = signals.activatorPath(HELLO);
        assertThat(signals.activatorInPath(HELLO)).isFalse();
        assertThat(routerView.getAsBoolean()).isFalse();

        signals.activatorInPath(HELLO, true);
        assertThat(routerView.getAsBoolean()).isTrue();
        assertThat(signals.activatorInPath(new RevisionId("default", "other-00001"))).isFalse();

        signals.activatorInPath(HELLO, false);
        assertThat(routerView.getAsBoolean()).isFalse();
    }
}
