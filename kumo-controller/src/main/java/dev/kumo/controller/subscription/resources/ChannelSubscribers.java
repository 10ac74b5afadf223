package dev.kumo.controller.subscription.resources;

import dev.kumo.api.messaging.SubscriberSpec;
import java.util.ArrayList;
import java.util.List;

/** A channel's subscriber list with one Subscription's entry put in or taken out (keyed by uid, order kept). */
public final class ChannelSubscribers {

    private ChannelSubscribers() {
    }

    /** {@code subscribers} with {@code entry} replacing the one of its uid, or appended. */
    public static List<SubscriberSpec> with(List<SubscriberSpec> subscribers, SubscriberSpec entry) {
        List<SubscriberSpec> out = new ArrayList<>();
        boolean replaced = false;
        for (SubscriberSpec subscriber : subscribers) {
            if (entry.uid().equals(subscriber.uid())) {
                out.add(entry);
                replaced = true;
            } else {
                out.add(subscriber);
            }
        }
        if (!replaced) {
            out.add(entry);
        }
        return out;
    }

    /** {@code subscribers} without the entry of {@code uid}. */
    public static List<SubscriberSpec> without(List<SubscriberSpec> subscribers, String uid) {
        return subscribers.stream().filter(subscriber -> !uid.equals(subscriber.uid())).toList();
    }
}
