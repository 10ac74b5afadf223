package dev.kumo.eventing.filter;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.function.UnaryOperator;

/** Events and always-passing / always-failing filters for the filter tables (Knative's test fixtures, in Java). */
final class TestEvents {

    static final String TYPE = "dev.knative.example";
    static final String TYPE_PREFIX = "dev.knative";
    static final String TYPE_SUFFIX = "example";
    static final String SOURCE = "http://dev.knative.example.source";
    static final String EXTENSION = "myextension";
    static final String EXTENSION_VALUE = "my-extension-value";
    static final String SUBJECT = "subject-value";

    /** Passes {@link #event()} and everything built from it. */
    static final FilterSpec PASS = FilterSpec.exact("type", TYPE);
    /** Fails {@link #event()} and everything built from it. */
    static final FilterSpec FAIL = FilterSpec.exact("type", "some-other-type");

    private TestEvents() {
    }

    /** An event with id, type, source and specversion only. */
    static CloudEvent event() {
        return event(b -> b);
    }

    /** The base event changed by {@code change}. */
    static CloudEvent event(UnaryOperator<CloudEventBuilder> change) {
        return change.apply(CloudEventBuilder.v1().withId("1234").withType(TYPE).withSource(URI.create(SOURCE)))
                .build();
    }

    static CloudEvent withExtension(String name, String value) {
        return event(b -> b.withExtension(name, value));
    }

    static CloudEvent withSubject(String subject) {
        return event(b -> b.withSubject(subject));
    }

    /** The verdict of the compiled filter on the event. */
    static boolean passes(FilterSpec filter, CloudEvent event) {
        return Filters.compile(filter).test(event);
    }

    /** One row of a filter table; the name is what the test report shows. */
    record Row(String name, FilterSpec filter, CloudEvent event, boolean want) {
        Row(String name, FilterSpec filter, boolean want) {
            this(name, filter, TestEvents.event(), want);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
