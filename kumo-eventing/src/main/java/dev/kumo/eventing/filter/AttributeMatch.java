package dev.kumo.eventing.filter;

import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;

/** Passes when every named attribute is present and satisfies the comparison with its value; a missing one fails. */
record AttributeMatch(Comparison comparison, List<String> names, List<String> values) implements EventFilter {

    AttributeMatch {
        names = List.copyOf(names);
        values = List.copyOf(values);
    }

    static AttributeMatch of(Comparison comparison, Map<String, String> attributes) {
        return new AttributeMatch(comparison, List.copyOf(attributes.keySet()), List.copyOf(attributes.values()));
    }

    @Override
    public boolean test(CloudEvent event) {
        for (int i = 0; i < names.size(); i++) {
            String actual = EventAttributes.stringValue(event, names.get(i));
            if (actual == null || !comparison.matches(actual, values.get(i))) {
                return false;
            }
        }
        return true;
    }
}
