package dev.kumo.controller.testing;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.duck.KReference;
import dev.kumo.api.eventing.Broker;
import dev.kumo.api.eventing.BrokerSpec;
import dev.kumo.api.eventing.BrokerStatus;
import dev.kumo.api.eventing.SubscriptionsApiFilter;
import dev.kumo.api.eventing.Trigger;
import dev.kumo.api.eventing.TriggerFilter;
import dev.kumo.api.eventing.TriggerSpec;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.Addressable;
import dev.kumo.api.serving.Service;
import dev.kumo.api.serving.ServiceStatus;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.duck.CloudEventOverrides;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ApiServerSourceSpec;
import dev.kumo.api.sources.ContainerSource;
import dev.kumo.api.sources.ContainerSourceSpec;
import dev.kumo.api.sources.PingSource;
import dev.kumo.api.sources.PodTemplate;
import dev.kumo.api.sources.PingSourceSpec;
import dev.kumo.api.sources.SinkBinding;
import dev.kumo.api.sources.SinkBindingSpec;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Brokers, Triggers and addressable Services for the eventing reconciler tables, with option functions. */
public final class EventingObjects {

    private EventingObjects() {
    }

    @SafeVarargs
    public static Broker broker(String name, UnaryOperator<Broker>... options) {
        Broker broker = Broker.of(ObjectMeta.of("default", name), new BrokerSpec(null, null));
        for (UnaryOperator<Broker> option : options) {
            broker = option.apply(broker);
        }
        return broker;
    }

    public static UnaryOperator<Broker> brokerClass(String value) {
        return b -> b.withMetadata(b.metadata().withAnnotation(Broker.CLASS_ANNOTATION, value));
    }

    public static UnaryOperator<Broker> brokerDelivery(DeliverySpec delivery) {
        return b -> b.withSpec(new BrokerSpec(null, delivery));
    }

    /** A Broker status as the Broker reconciler leaves it: Ready with its address, or with the condition given. */
    public static UnaryOperator<Broker> brokerStatus(String deadLetterSinkUri, Condition ready) {
        return b -> b.withStatus(new BrokerStatus(1L, List.of(ready), null,
                Addressable.of("http://127.0.0.1:8081/default/" + b.metadata().name()), null, deadLetterSinkUri, null,
                null));
    }

    @SafeVarargs
    public static Trigger trigger(String name, String broker, Destination subscriber,
            UnaryOperator<Trigger>... options) {
        Trigger trigger = Trigger.of(ObjectMeta.of("default", name),
                new TriggerSpec(broker, null, TriggerFilter.ANY, null, subscriber, null));
        for (UnaryOperator<Trigger> option : options) {
            trigger = option.apply(trigger);
        }
        return trigger;
    }

    public static UnaryOperator<Trigger> triggerDelivery(DeliverySpec delivery) {
        return t -> t.withSpec(t.spec().withDelivery(delivery));
    }

    public static UnaryOperator<Trigger> filters(SubscriptionsApiFilter... filters) {
        return t -> t.withSpec(new TriggerSpec(t.spec().broker(), null, t.spec().filter(), List.of(filters),
                t.spec().subscriber(), t.spec().delivery()));
    }

    public static SubscriptionsApiFilter cesql(String expression) {
        return new SubscriptionsApiFilter(null, null, null, null, null, null, expression);
    }

    public static Destination ksvc(String name) {
        return Destination.of(KReference.of("serving.knative.dev/v1", "Service", name));
    }

    public static Destination ksvc(String name, String path) {
        return new Destination(KReference.of("serving.knative.dev/v1", "Service", name), path, null, null);
    }

    public static DeliverySpec deadLetterTo(Destination sink) {
        return new DeliverySpec(sink, 3, null, DeliverySpec.LINEAR, "PT1S", null, null);
    }

    public static PingSource pingSource(String name, Destination sink) {
        return PingSource.of(ObjectMeta.of("default", name), new PingSourceSpec(sink, null, "* * * * *", null, null,
                "hello", null));
    }

    public static ApiServerSource apiServerSource(String name, Destination sink) {
        return ApiServerSource.of(ObjectMeta.of("default", name), ApiServerSourceSpec.builder().sink(sink)
                .resources(List.of(new ApiServerSourceSpec.Resource("v1", "ConfigMap", null))).mode("Reference")
                .build());
    }

    public static SinkBinding sinkBinding(String name, SinkBindingSpec.Subject subject, Destination sink,
            Map<String, String> overrides) {
        return SinkBinding.of(ObjectMeta.of("default", name), new SinkBindingSpec(sink,
                overrides.isEmpty() ? null : new CloudEventOverrides(overrides), subject));
    }

    public static ContainerSource containerSource(String name, Destination sink) {
        return ContainerSource.of(ObjectMeta.of("default", name), new ContainerSourceSpec(sink, null,
                new PodTemplate(null, PodTemplate.Spec.builder()
                        .containers(List.of(Container.builder().command(List.of("python3", "heartbeat.py")).build()))
                        .build())));
    }

    public static SinkBindingSpec.Subject serviceNamed(String name) {
        return new SinkBindingSpec.Subject("serving.knative.dev/v1", "Service", null, name, null);
    }

    public static SinkBindingSpec.Subject servicesLabelled(String key, String value) {
        return new SinkBindingSpec.Subject("serving.knative.dev/v1", "Service", null, null,
                new LabelSelectorSpec(Map.of(key, value), null));
    }

    /** A Knative Service with an address (as when its Route is ready), or none when {@code url} is null. */
    public static Service addressedService(String name, String url) {
        return Fixtures.service("default", name).withStatus(ServiceStatus.builder().observedGeneration(1L).url(url)
                .address(url == null ? null : Addressable.of(url)).build());
    }
}
