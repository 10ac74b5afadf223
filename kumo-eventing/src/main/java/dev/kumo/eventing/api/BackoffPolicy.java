package dev.kumo.eventing.api;

/** How the wait between retries grows (Knative's {@code backoffPolicy}). */
public enum BackoffPolicy {
    /** The n-th retry waits {@code backoffDelay × n}. */
    LINEAR,
    /** The n-th retry waits {@code backoffDelay × 2^(n-1)}: delay, 2×delay, 4×delay… */
    EXPONENTIAL
}
