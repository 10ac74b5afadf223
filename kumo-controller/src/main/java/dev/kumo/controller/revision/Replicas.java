package dev.kumo.controller.revision;

/**
 * How many instances a Revision should have ({@code desired}: one for now, the autoscaler's decision later), how
 * many it has ({@code total}, ready or not) and how many of them are ready to serve.
 */
public record Replicas(int desired, int ready, int total) {

    /** One instance wanted and none there yet. */
    public static final Replicas ONE_WANTED = new Replicas(1, 0, 0);

    public Replicas {
        if (desired < 0 || ready < 0 || total < ready) {
            throw new IllegalArgumentException("want 0 <= ready <= total and desired >= 0, got desired=" + desired
                    + " ready=" + ready + " total=" + total);
        }
    }
}
