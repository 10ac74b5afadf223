package dev.kumo.dataplane.router;

/** Decides what happens to a request arriving at a revision's gate. */
final class QueueAdmission {

    /** The outcome for one arriving request. */
    enum Decision { ADMIT, QUEUE, HOLD, REJECT_QUEUE_FULL, REJECT_HOLD_FULL, REJECT_ACTIVATOR_FULL,
        REJECT_NO_ENDPOINT }

    private QueueAdmission() {
    }

    /**
     * With no ready instance the request is held (the activator) while fewer than {@code maxHeld} wait, else
     * rejected. With ready instances that are all out of rotation it is rejected. Otherwise it is admitted when an
     * instance has a free slot and nobody waits before it (FIFO), else queued: while fewer than {@code maxHeld}
     * wait when the activator is in the path (Knative's activator queue), otherwise while fewer than
     * {@code maxQueuedPerInstance} × usable instances wait (Knative's queue-proxy of each pod); rejected beyond.
     */
    static Decision decide(int ready, int usable, boolean slotFree, int waiting, int maxQueuedPerInstance,
            int maxHeld, boolean activatorInPath) {
        if (ready == 0) {
            return waiting < maxHeld ? Decision.HOLD : Decision.REJECT_HOLD_FULL;
        }
        if (usable == 0) {
            return Decision.REJECT_NO_ENDPOINT;
        }
        if (slotFree && waiting == 0) {
            return Decision.ADMIT;
        }
        if (activatorInPath) {
            return waiting < maxHeld ? Decision.QUEUE : Decision.REJECT_ACTIVATOR_FULL;
        }
        return waiting < (long) maxQueuedPerInstance * usable ? Decision.QUEUE : Decision.REJECT_QUEUE_FULL;
    }
}
