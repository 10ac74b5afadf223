package dev.kumo.autoscaler;

import dev.kumo.api.serving.autoscaling.DeciderSpec;
import dev.kumo.api.serving.autoscaling.ScalingMetric;
import dev.kumo.autoscaler.metrics.LoadSample;

/**
 * A revision's load over its stable and panic windows, for both metrics, as Knative's metric collector keeps it
 * (pkg/autoscaler/metrics/collector.go): each second's total concurrency and request count go into one-second
 * buckets. Not thread-safe: its owner synchronizes.
 *
 * <p>Kumo's router sees every request, as Knative's activator does when {@code target-burst-capacity} is -1 and
 * nothing is scraped: so a window with no samples means no load (Knative's scraped case would say "no data").
 */
final class LoadWindows {

    /** The stable and panic averages of one metric. */
    record Observed(double stable, double panic) {
    }

    private final TimedBuckets concurrencyStable;
    private final TimedBuckets concurrencyPanic;
    private final TimedBuckets rpsStable;
    private final TimedBuckets rpsPanic;
    /** The newest second a sample was recorded for; {@code Long.MIN_VALUE} before the first. */
    private long lastSecond = Long.MIN_VALUE;

    LoadWindows(DeciderSpec settings) {
        long stable = buckets(settings.stableWindow());
        long panic = buckets(settings.panicWindow());
        concurrencyStable = new TimedBuckets(stable);
        concurrencyPanic = new TimedBuckets(panic);
        rpsStable = new TimedBuckets(stable);
        rpsPanic = new TimedBuckets(panic);
    }

    /** One-second buckets covering {@code window}, at least one: a 600 ms panic window is one bucket, as in Knative. */
    static long buckets(java.time.Duration window) {
        return Math.max(1, (window.toMillis() + 999) / 1000);
    }

    void record(LoadSample sample) {
        long second = sample.epochSecond();
        lastSecond = Math.max(lastSecond, second);
        concurrencyStable.record(second, sample.averageConcurrency());
        concurrencyPanic.record(second, sample.averageConcurrency());
        rpsStable.record(second, sample.requests());
        rpsPanic.record(second, sample.requests());
    }

    /**
     * The averages of {@code settings}' metric, after fitting the windows to the settings. The windows end at
     * {@code nowSecond}, or at the second before while this second's sample has not come yet: the router reports
     * each second at its own phase, and a one-bucket panic window ending at a second with no sample yet would read
     * "no load" at every decision that falls before the report — at a fixed phase, at every decision.
     */
    Observed observe(DeciderSpec settings, long nowSecond) {
        long at = lastSecond == nowSecond - 1 ? lastSecond : nowSecond;
        return observeAt(settings, at);
    }

    private Observed observeAt(DeciderSpec settings, long nowSecond) {
        long stable = buckets(settings.stableWindow());
        long panic = buckets(settings.panicWindow());
        concurrencyStable.resize(stable, nowSecond);
        concurrencyPanic.resize(panic, nowSecond);
        rpsStable.resize(stable, nowSecond);
        rpsPanic.resize(panic, nowSecond);
        return settings.metric() == ScalingMetric.RPS
                ? new Observed(rpsStable.windowAverage(nowSecond), rpsPanic.windowAverage(nowSecond))
                : new Observed(concurrencyStable.windowAverage(nowSecond), concurrencyPanic.windowAverage(nowSecond));
    }
}
