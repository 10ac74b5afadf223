package dev.kumo.api.flows;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.messaging.ChannelTemplate;
import java.util.List;

/** A Sequence: its steps in order (at least one), the kind of channel between them and where the last reply goes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SequenceSpec(List<SequenceStep> steps, ChannelTemplate channelTemplate, Destination reply) {

    public List<SequenceStep> stepsOrEmpty() {
        return steps == null ? List.of() : steps;
    }
}
