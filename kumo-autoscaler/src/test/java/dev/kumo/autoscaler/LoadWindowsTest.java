package dev.kumo.autoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.serving.autoscaling.DeciderSpec;
import dev.kumo.autoscaler.metrics.LoadSample;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadWindowsTest {

    @ParameterizedTest(name = "{0} ms → {1} buckets")
    @CsvSource({"600, 1", "1000, 1", "1001, 2", "6000, 6", "60000, 60", "0, 1"})
    void windowsRoundUpToWholeSecondBuckets(long millis, long buckets) {
        assertThat(LoadWindows.buckets(Duration.ofMillis(millis))).isEqualTo(buckets);
    }

    @Test
    void aSubSecondPanicWindowStillSeesTheLastSecond() {
        // A 6 s stable window at Knative's 10 % gives a 600 ms panic window: one bucket, not none.
        DeciderSpec settings = DeciderSpec.builder().stableWindow(Duration.ofSeconds(6)).build();
        LoadWindows windows = new LoadWindows(settings);
        windows.record(new LoadSample(100, 20, 20));

        LoadWindows.Observed observed = windows.observe(settings, 100);

        assertThat(observed.panic()).isEqualTo(20);
        assertThat(observed.stable()).isEqualTo(20);
    }

    @Test
    void beforeThisSecondsSampleComesTheWindowsEndAtTheLastSecondReported() {
        DeciderSpec settings = DeciderSpec.builder().stableWindow(Duration.ofSeconds(6)).build();
        LoadWindows windows = new LoadWindows(settings);
        windows.record(new LoadSample(100, 20, 20));

        // The decision at 101 comes before the router's report for 101: the 600 ms panic window still sees 100.
        assertThat(windows.observe(settings, 101).panic()).isEqualTo(20);
        // A whole second without a report is no load: the router reports every second it routes.
        assertThat(windows.observe(settings, 102).panic()).isZero();

        windows.record(new LoadSample(101, 10, 10));
        assertThat(windows.observe(settings, 101).panic()).isEqualTo(10);
    }
}
