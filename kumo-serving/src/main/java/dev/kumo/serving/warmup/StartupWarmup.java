package dev.kumo.serving.warmup;

import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.dataplane.api.RouterConfig;
import dev.kumo.dataplane.api.ScalingSignals;
import dev.kumo.runtime.support.WarmupRevisions;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's start-up warm-up, run once in the background after the server is ready: synthetic cold starts
 * through a private copy of the router and the autoscaler ({@link WarmupPath}) until the JIT has compiled the path a
 * user's first cold starts take, bounded by {@link WarmupSettings}. It yields to users: while the ingress had
 * demand or requests, or the server told of other user activity (a write to the API), within
 * {@link WarmupSettings#quietAfterUserTraffic()}, it waits before its next round.
 */
public final class StartupWarmup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWarmup.class);
    private static final long YIELD_MILLIS = 50;

    private final CompletableFuture<WarmupReport> finished = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile long lastUserTraffic;

    private final LongSupplier otherUserActivity;
    /** Takes the two receivers off the ingress's signals once the warm-up is done. */
    private final Runnable unwatchUsers;

    private StartupWarmup(RouterConfig ingress, AutoscalerConfig autoscaler, ScalingSignals users,
            LongSupplier otherUserActivity, WarmupSettings settings) {
        this.otherUserActivity = otherUserActivity;
        long began = System.nanoTime();
        lastUserTraffic = began - settings.quietAfterUserTraffic().toNanos();
        Runnable offDemand = users.onDemand(revision -> {
            if (!WarmupRevisions.warmup(revision.namespace())) {
                lastUserTraffic = System.nanoTime();
            }
        });
        Runnable offLoad = users.onLoad((revision, sample) -> {
            if (sample.requests() > 0) {
                lastUserTraffic = System.nanoTime();
            }
        });
        unwatchUsers = () -> {
            offDemand.run();
            offLoad.run();
        };
        thread = Thread.ofPlatform().daemon().name("kumo-warmup").unstarted(() -> run(ingress, autoscaler,
                settings, began));
    }

    /**
     * Starts the warm-up on a thread of its own, with the ingress's config and the server's {@code autoscaler}
     * settings; {@code users} are the ingress's signals, watched for user traffic, and {@code otherUserActivity}
     * tells when a user last did something else it yields to (its {@link System#nanoTime}).
     */
    public static StartupWarmup start(RouterConfig ingress, AutoscalerConfig autoscaler, ScalingSignals users,
            LongSupplier otherUserActivity, WarmupSettings settings) {
        StartupWarmup warmup = new StartupWarmup(ingress, autoscaler, users, otherUserActivity, settings);
        warmup.thread.start();
        return warmup;
    }

    /** Completes with the report once the warm-up has stopped and closed everything it opened. */
    public CompletableFuture<WarmupReport> finished() {
        return finished;
    }

    /** Stops the warm-up (a round's waits cut short) and waits up to 15 s for it to close what it opened. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(RouterConfig ingress, AutoscalerConfig autoscaler, WarmupSettings settings,
            long began) {
        WarmupBudget budget = new WarmupBudget(settings);
        long cpuBefore = processCpuNanos();
        int rounds = 0;
        String stoppedBy;
        try (WarmupPath path = WarmupPath.start(ingress, autoscaler)) {
            while (true) {
                Optional<String> stop = closed ? Optional.of("closed") : budget.stop(rounds,
                        Duration.ofNanos(processCpuNanos() - cpuBefore), Duration.ofNanos(System.nanoTime() - began));
                if (stop.isPresent()) {
                    stoppedBy = stop.get();
                    break;
                }
                long lastUser = Math.max(lastUserTraffic, otherUserActivity.getAsLong());
                if (budget.yields(Duration.ofNanos(System.nanoTime() - lastUser))) {
                    Thread.sleep(YIELD_MILLIS);
                    continue;
                }
                path.round(rounds + 1);
                rounds++;
            }
        } catch (InterruptedException e) {
            stoppedBy = "interrupt";
        } catch (RuntimeException | Error e) {
            // An Error too: the report (and the server's warm-up line, which the benchmarks wait for) must come.
            stoppedBy = "failure: " + e.getMessage();
            LOG.warn("the start-up warm-up stopped after {} rounds: {}", rounds, e.toString());
        }
        WarmupReport report = new WarmupReport(rounds, Duration.ofNanos(System.nanoTime() - began),
                Duration.ofNanos(processCpuNanos() - cpuBefore), stoppedBy);
        LOG.info("start-up warm-up: {}", report.line());
        unwatchUsers.run();
        finished.complete(report);
    }

    /** The CPU time the whole process has used, as the JVM reads it from the kernel. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
