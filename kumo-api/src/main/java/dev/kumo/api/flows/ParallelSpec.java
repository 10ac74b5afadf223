package dev.kumo.api.flows;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.messaging.ChannelTemplate;
import java.util.List;

/** A Parallel: its branches (at least one), the kind of channel behind it and where branch replies go by default. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParallelSpec(List<ParallelBranch> branches, ChannelTemplate channelTemplate, Destination reply) {

    public List<ParallelBranch> branchesOrEmpty() {
        return branches == null ? List.of() : branches;
    }
}
