package dev.kumo.eventing.dispatch;

/** What a Trigger's dispatcher learns from one event's delivery. */
interface DeliveryTracker {

    /** False once the dispatcher stops: the delivery ends quietly (the event is delivered again after a restart). */
    boolean active();

    /** An attempt went on the wire. */
    void attemptStarted();

    /** That attempt came back (answered or failed). */
    void attemptEnded();

    /** The event is done with: delivered, dead-lettered or dropped. Later calls (and {@link #failed}) do nothing. */
    void finished();

    /** Handling the event threw unexpectedly: it is logged once, counted, dropped and {@linkplain #finished()}. */
    void failed(Throwable error);
}
