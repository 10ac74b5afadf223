package dev.kumo.dataplane.router;

/** Decides what happens to a request arriving at a revision with a concurrency limit. */
final class QueueAdmission {

    /** The outcome for one arriving request. */
    enum Decision { ADMIT, QUEUE, REJECT_QUEUE_FULL, REJECT_NO_ENDPOINT }

    private QueueAdmission() {
    }

    /**
     * Admits when an instance has a free slot and nobody waits before (FIFO), queues while the queue is below
     * {@code maxQueued}, rejects otherwise; with no usable instance at all it rejects at once (no activator yet).
     */
    static Decision decide(int usableInstances, boolean slotFree, int queued, int maxQueued) {
        if (usableInstances == 0) {
            return Decision.REJECT_NO_ENDPOINT;
        }
        if (slotFree && queued == 0) {
            return Decision.ADMIT;
        }
        return queued < maxQueued ? Decision.QUEUE : Decision.REJECT_QUEUE_FULL;
    }
}
