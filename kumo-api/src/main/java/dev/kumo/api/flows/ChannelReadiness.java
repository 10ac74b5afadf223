package dev.kumo.api.flows;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.Condition;

/** One generated channel and its Ready condition ({@code SequenceChannelStatus}, {@code ParallelChannelStatus}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelReadiness(ChildReference channel, Condition ready) {
}
