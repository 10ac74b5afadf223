package dev.kumo.runtime.spi;

/** Thrown by {@link WorkloadRuntime#start} for a spec that the runtime cannot run; the message says why. */
public final class UnsupportedWorkloadException extends RuntimeException {

    public UnsupportedWorkloadException(String message) {
        super(message);
    }
}
