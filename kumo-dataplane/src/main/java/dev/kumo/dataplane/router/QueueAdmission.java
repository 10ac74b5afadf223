package dev.kumo.dataplane.router;

/** Decides what happens to a request arriving at a revision's gate. */
final class QueueAdmission {

    /** The outcome for one arriving request. */
    enum Decision { ADMIT, QUEUE, HOLD, REJECT_QUEUE_FULL, REJECT_HOLD_FULL, REJECT_NO_ENDPOINT }

    private QueueAdmission() {
    }

    /**
     * With no ready instance the request is held (the activator) while fewer than {@code maxHeld} wait, else
     * rejected. With ready instances that are all out of rotation it is rejected. Otherwise it is admitted when an
     * instance has a free slot and nobody waits before it (FIFO), queued while fewer than {@code maxQueued} wait,
     * rejected beyond.
     */
    static Decision decide(int ready, int usable, boolean slotFree, int waiting, int maxQueued, int maxHeld) {
        if (ready == 0) {
            return waiting < maxHeld ? Decision.HOLD : Decision.REJECT_HOLD_FULL;
        }
        if (usable == 0) {
            return Decision.REJECT_NO_ENDPOINT;
        }
        if (slotFree && waiting == 0) {
            return Decision.ADMIT;
        }
        return waiting < maxQueued ? Decision.QUEUE : Decision.REJECT_QUEUE_FULL;
    }
}
