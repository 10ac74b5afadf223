package dev.kumo.controller.sequence.resources;

/** The names Knative gives a Sequence's children: channel and Subscription {@code <seq>-kn-sequence-<i>}. */
public final class SequenceNames {

    private SequenceNames() {
    }

    public static String channel(String sequence, int step) {
        return sequence + "-kn-sequence-" + step;
    }

    public static String subscription(String sequence, int step) {
        return sequence + "-kn-sequence-" + step;
    }
}
