package dev.kumo.eventing.filter;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * The event as the CESQL evaluator reads it: timestamps (the {@code time} attribute and time-typed extensions) are
 * handed over as RFC 3339 strings. cloudevents-sql 4.0.1 turns them into strings with
 * {@code OffsetDateTime.toString()}, which drops zero seconds ({@code 2018-04-26T14:48+02:00}), so
 * {@code time = '2018-04-26T14:48:00+02:00'} would never match.
 */
record CesqlEventView(CloudEvent event) implements CloudEvent {

    @Override
    public Object getAttribute(String name) {
        if (name.equals("time")) {
            return event.getTime() == null ? null : EventAttributes.rfc3339(event.getTime());
        }
        return event.getAttribute(name);
    }

    @Override
    public Object getExtension(String name) {
        Object value = event.getExtension(name);
        return value instanceof OffsetDateTime time ? EventAttributes.rfc3339(time) : value;
    }

    @Override
    public Set<String> getAttributeNames() {
        return event.getAttributeNames();
    }

    @Override
    public Set<String> getExtensionNames() {
        return event.getExtensionNames();
    }

    @Override
    public CloudEventData getData() {
        return event.getData();
    }

    @Override
    public SpecVersion getSpecVersion() {
        return event.getSpecVersion();
    }

    @Override
    public String getId() {
        return event.getId();
    }

    @Override
    public String getType() {
        return event.getType();
    }

    @Override
    public URI getSource() {
        return event.getSource();
    }

    @Override
    public String getDataContentType() {
        return event.getDataContentType();
    }

    @Override
    public URI getDataSchema() {
        return event.getDataSchema();
    }

    @Override
    public String getSubject() {
        return event.getSubject();
    }

    @Override
    public OffsetDateTime getTime() {
        return event.getTime();
    }
}
