package dev.kumo.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An Event's series: how often it happened and when last ({@code lastObservedTime} is a MicroTime). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EventSeries(Integer count, String lastObservedTime) {
}
