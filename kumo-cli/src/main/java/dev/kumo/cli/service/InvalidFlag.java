package dev.kumo.cli.service;

/** A flag value the Service cannot be built from; the command reports it as a usage error. */
public final class InvalidFlag extends RuntimeException {

    InvalidFlag(String message) {
        super(message);
    }
}
