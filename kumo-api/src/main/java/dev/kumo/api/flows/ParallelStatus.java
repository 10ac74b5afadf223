package dev.kumo.api.flows;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.Addressable;
import java.util.List;

/** What a Parallel's reconciler observed: its ingress channel, each branch's objects, its address. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParallelStatus(Long observedGeneration, List<Condition> conditions,
        ChannelReadiness ingressChannelStatus, List<ParallelBranchStatus> branchStatuses, Addressable address) {

    public static final ParallelStatus EMPTY = new ParallelStatus(null, null, null, null, null);
}
