package dev.kumo.eventing.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.eventing.api.BackoffPolicy;
import dev.kumo.eventing.api.DeliverySpec;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "LINEAR, 1, 200", "LINEAR, 2, 400", "LINEAR, 5, 1000",
        "EXPONENTIAL, 1, 200", "EXPONENTIAL, 2, 400", "EXPONENTIAL, 3, 800", "EXPONENTIAL, 10, 102400",
    })
    void backoffGrowsByPolicy(BackoffPolicy policy, int retry, long millis) {
        Delivery delivery = resolve(DeliverySpec.NONE.withRetry(10).withBackoff(policy, Duration.ofMillis(200)));

        assertThat(delivery.backoff(retry)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void backoffSaturatesInsteadOfOverflowing() {
        Delivery delivery = resolve(DeliverySpec.NONE.withRetry(100)
                .withBackoff(BackoffPolicy.EXPONENTIAL, Duration.ofSeconds(1)));

        assertThat(delivery.backoff(90)).isEqualTo(Delivery.LONGEST_BACKOFF);
    }

    @Test
    void retriesAtNowPlusBackoffUntilTheRetriesAreUsedUp() {
        Delivery delivery = resolve(DeliverySpec.NONE.withRetry(2)
                .withBackoff(BackoffPolicy.LINEAR, Duration.ofSeconds(1)));

        assertThat(delivery.afterFailure(1, true, NOW)).isEqualTo(new Delivery.RetryAt(NOW.plusSeconds(1)));
        assertThat(delivery.afterFailure(2, true, NOW)).isEqualTo(new Delivery.RetryAt(NOW.plusSeconds(2)));
        assertThat(delivery.afterFailure(3, true, NOW)).isInstanceOf(Delivery.GiveUp.class);
    }

    @Test
    void aFailureThatIsNotRetryableGivesUpAtOnce() {
        Delivery delivery = resolve(DeliverySpec.NONE.withRetry(5));

        assertThat(delivery.afterFailure(1, false, NOW)).isInstanceOf(Delivery.GiveUp.class);
    }

    @Test
    void noRetrySetMeansOneAttemptWithNoWait() {
        Delivery delivery = resolve(DeliverySpec.NONE.withTimeout(Duration.ofSeconds(1)));

        assertThat(delivery.retries()).isZero();
        assertThat(delivery.attemptTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(delivery.afterFailure(1, true, NOW)).isInstanceOf(Delivery.GiveUp.class);
    }

    @Test
    void aTriggerSettingAnyFieldReplacesTheBrokersWholeSpec() {
        DeliverySpec broker = DeliverySpec.NONE.withRetry(5).withDeadLetterSink(URI.create("http://127.0.0.1:1/dls"));
        DeliverySpec trigger = DeliverySpec.NONE.withTimeout(Duration.ofSeconds(2));

        Delivery delivery = Delivery.resolve(trigger, broker, DeliverySpec.KNATIVE_DEFAULT, TIMEOUT);

        assertThat(delivery.retries()).isZero();
        assertThat(delivery.deadLetterSink()).isEmpty();
        assertThat(delivery.attemptTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aTriggerWithoutDeliveryUsesTheBrokersThenTheMeshDefault() {
        DeliverySpec broker = DeliverySpec.NONE.withRetry(5).withDeadLetterSink(URI.create("http://127.0.0.1:1/dls"));

        Delivery fromBroker = Delivery.resolve(DeliverySpec.NONE, broker, DeliverySpec.KNATIVE_DEFAULT, TIMEOUT);
        Delivery fromDefault = Delivery.resolve(DeliverySpec.NONE, DeliverySpec.NONE, DeliverySpec.KNATIVE_DEFAULT,
                TIMEOUT);

        assertThat(fromBroker.retries()).isEqualTo(5);
        assertThat(fromBroker.deadLetterSink()).contains(URI.create("http://127.0.0.1:1/dls"));
        assertThat(fromDefault).isEqualTo(new Delivery(10, BackoffPolicy.EXPONENTIAL, Duration.ofMillis(200),
                TIMEOUT, Optional.empty()));
    }

    @Test
    void badSpecsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> DeliverySpec.NONE.withRetry(-1)).hasMessageContaining("delivery.retry is -1");
        assertThatThrownBy(() -> DeliverySpec.NONE.withTimeout(Duration.ZERO))
                .hasMessageContaining("delivery.timeout is PT0S");
        assertThatThrownBy(() -> DeliverySpec.NONE.withDeadLetterSink(URI.create("/relative")))
                .hasMessageContaining("delivery.deadLetterSink is '/relative'");
    }

    private static Delivery resolve(DeliverySpec spec) {
        return Delivery.resolve(spec, DeliverySpec.NONE, DeliverySpec.KNATIVE_DEFAULT, TIMEOUT);
    }
}
