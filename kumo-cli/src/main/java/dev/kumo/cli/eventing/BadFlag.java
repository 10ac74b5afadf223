package dev.kumo.cli.eventing;

/** A flag value an object cannot be built from; the create command reports it as a usage error. */
final class BadFlag extends RuntimeException {

    BadFlag(String message) {
        super(message);
    }
}
