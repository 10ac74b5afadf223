package dev.kumo.controller.engine;

/** Counts every enqueue and every reconcile start, so a waiter can tell that nothing happened in between. */
final class Activity {

    private long count;

    synchronized void touch() {
        count++;
        notifyAll();
    }

    synchronized long count() {
        return count;
    }

    /** Waits until something happens or {@code millis} pass. */
    synchronized void awaitChange(long seen, long millis) throws InterruptedException {
        if (count == seen && millis > 0) {
            wait(millis);
        }
    }
}
