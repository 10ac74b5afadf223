package dev.kumo.controller.flow;

import static dev.kumo.api.flows.lifecycle.FlowConditions.ADDRESSABLE;
import static dev.kumo.api.flows.lifecycle.FlowConditions.CHANNELS_READY;
import static dev.kumo.api.flows.lifecycle.FlowConditions.SET;
import static dev.kumo.api.flows.lifecycle.FlowConditions.SUBSCRIPTIONS_READY;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.Addressable;
import java.time.InstantSource;
import java.util.List;

/** A Sequence's or Parallel's conditions being reconciled (sequence_lifecycle, parallel_lifecycle). */
public final class FlowLifecycle {

    public static final String TEMPLATE_NOT_SERVED = "ChannelTemplateNotServed";
    static final String CHANNELS_NOT_READY = "ChannelsNotReady";
    static final String SUBSCRIPTIONS_NOT_READY = "SubscriptionsNotReady";
    static final String EMPTY_ADDRESS = "emptyAddress";

    private final InstantSource clock;
    private List<Condition> conditions;
    private Addressable address;

    public FlowLifecycle(List<Condition> current, InstantSource clock) {
        this.clock = clock;
        this.conditions = SET.initialize(current, clock);
    }

    public void markTemplateNotServed(String message) {
        conditions = SET.markFalse(conditions, CHANNELS_READY, TEMPLATE_NOT_SERVED, message, clock);
    }

    /** ChannelsReady from the channels' Ready conditions; the address is the ingress channel's. */
    public void markChannels(List<Condition> readies, Addressable ingress) {
        conditions = FlowChildren.allReady(readies) ? SET.markTrue(conditions, CHANNELS_READY, clock)
                : SET.markUnknown(conditions, CHANNELS_READY, CHANNELS_NOT_READY,
                        "channels are not ready yet, or there are none", clock);
        address = ingress == null || ingress.url() == null ? null : ingress;
        conditions = address == null ? SET.markUnknown(conditions, ADDRESSABLE, EMPTY_ADDRESS,
                "the ingress channel has no address yet", clock) : SET.markTrue(conditions, ADDRESSABLE, clock);
    }

    public void markSubscriptions(List<Condition> readies) {
        conditions = FlowChildren.allReady(readies) ? SET.markTrue(conditions, SUBSCRIPTIONS_READY, clock)
                : SET.markUnknown(conditions, SUBSCRIPTIONS_READY, SUBSCRIPTIONS_NOT_READY,
                        "subscriptions are not ready yet, or there are none", clock);
    }

    public List<Condition> conditions() {
        return conditions;
    }

    public Addressable address() {
        return address;
    }
}
