package dev.kumo.server.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.eventing.SubscriptionsApiFilter;
import dev.kumo.controller.duck.Delivery;
import dev.kumo.eventing.api.BackoffPolicy;
import dev.kumo.eventing.filter.FilterSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Delivery specs and filters as written map onto the mesh's typed ones. */
class MeshMappingTest {

    @Test
    void aDeliverySpecMapsFieldByFieldWithItsResolvedSink() {
        DeliverySpec written = new DeliverySpec(null, 3, "PT5S", "linear", "PT0.5S", null, null);
        URI sink = URI.create("http://127.0.0.1:9999/dead");

        dev.kumo.eventing.api.DeliverySpec mesh = DeliveryMapping.toMesh(new Delivery(Optional.of(written),
                Optional.of(sink)));

        assertThat(mesh).isEqualTo(dev.kumo.eventing.api.DeliverySpec.NONE.withDeadLetterSink(sink).withRetry(3)
                .withBackoff(BackoffPolicy.LINEAR, Duration.ofMillis(500)).withTimeout(Duration.ofSeconds(5)));
    }

    @Test
    void noSpecIsNoneAndAZeroDelayIsLeftToTheDefault() {
        assertThat(DeliveryMapping.toMesh(Delivery.NONE)).isEqualTo(dev.kumo.eventing.api.DeliverySpec.NONE);
        assertThat(DeliveryMapping.toMesh(new Delivery(Optional.of(new DeliverySpec(null, null, null, null, "PT0S",
                null, null)), Optional.empty())).backoffDelay()).isEmpty();
    }

    @Test
    void filtersMapDialectByDialect() {
        SubscriptionsApiFilter exact = filter(Map.of("type", "a"), null, null);
        SubscriptionsApiFilter nested = new SubscriptionsApiFilter(List.of(exact), List.of(filter(null,
                Map.of("source", "/x"), null)), filter(null, null, "subject = 'y'"), null, null, null, null);

        assertThat(FilterMapping.toMesh(List.of(exact, nested, new SubscriptionsApiFilter(null, null, null, null,
                null, Map.of("type", ".z"), null)))).containsExactly(
                new FilterSpec.Exact(Map.of("type", "a")),
                new FilterSpec.All(List.of(new FilterSpec.Exact(Map.of("type", "a")))),
                new FilterSpec.Suffix(Map.of("type", ".z")));
        assertThat(FilterMapping.toMesh(new SubscriptionsApiFilter(null, null, filter(null, null, "subject = 'y'"),
                null, null, null, null))).isEqualTo(new FilterSpec.Not(new FilterSpec.Cesql("subject = 'y'")));
        assertThat(FilterMapping.toMesh(filter(null, Map.of("source", "/x"), null)))
                .isEqualTo(new FilterSpec.Prefix(Map.of("source", "/x")));
    }

    private static SubscriptionsApiFilter filter(Map<String, String> exact, Map<String, String> prefix,
            String cesql) {
        return new SubscriptionsApiFilter(null, null, null, exact, prefix, null, cesql);
    }
}
