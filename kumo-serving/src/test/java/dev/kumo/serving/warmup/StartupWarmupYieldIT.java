package dev.kumo.serving.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouterConfig;
import dev.kumo.dataplane.api.ScalingSignals;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The warm-up on its own (real private router, sockets and autoscaler): it runs its rounds, and yields to users. */
class StartupWarmupYieldIT {

    private static final RouterConfig INGRESS = new RouterConfig("127.0.0.1", 0).withH2c(true);

    @Test
    void runsItsRoundsWhenNoUserIsActive() throws Exception {
        try (StartupWarmup warmup = StartupWarmup.start(INGRESS, AutoscalerConfig.KNATIVE, new ScalingSignals(),
                () -> System.nanoTime() - Duration.ofDays(1).toNanos(), settings(20, Duration.ofSeconds(60)))) {
            WarmupReport report = warmup.finished().get(60, TimeUnit.SECONDS);

            assertThat(report.rounds()).isEqualTo(20);
            assertThat(report.stoppedBy()).isEqualTo("rounds");
        }
    }

    @Test
    void runsNoRoundWhileAUserIsActiveAndStopsAtItsTimeBound() throws Exception {
        try (StartupWarmup warmup = StartupWarmup.start(INGRESS, AutoscalerConfig.KNATIVE, new ScalingSignals(),
                System::nanoTime, settings(20, Duration.ofSeconds(3)))) {
            WarmupReport report = warmup.finished().get(60, TimeUnit.SECONDS);

            assertThat(report.rounds()).isZero();
            assertThat(report.stoppedBy()).isEqualTo("time");
        }
    }

    @Test
    void yieldsToRequestsAtTheIngress() throws Exception {
        ScalingSignals ingress = new ScalingSignals();
        try (StartupWarmup warmup = StartupWarmup.start(INGRESS, AutoscalerConfig.KNATIVE, ingress,
                () -> System.nanoTime() - Duration.ofDays(1).toNanos(), new WarmupSettings(20, Duration.ofSeconds(60),
                        Duration.ofSeconds(3), Duration.ofSeconds(30)))) {
            // A user's request held at zero at the ingress, right after the warm-up began.
            ingress.demand(new RevisionId("default", "hello-00001"));
            WarmupReport report = warmup.finished().get(60, TimeUnit.SECONDS);

            // The one round that may have begun before the demand arrived; none after it, for the rest of its time.
            assertThat(report.rounds()).isLessThanOrEqualTo(1);
            assertThat(report.stoppedBy()).isEqualTo("time");
        }
    }

    // The time bounds leave a warm-up whose yield were broken seconds to run its rounds in (its start included).
    private static WarmupSettings settings(int rounds, Duration maxWall) {
        return new WarmupSettings(rounds, Duration.ofSeconds(60), maxWall, Duration.ofSeconds(1));
    }
}
