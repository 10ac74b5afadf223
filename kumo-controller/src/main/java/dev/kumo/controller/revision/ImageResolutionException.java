package dev.kumo.controller.revision;

/** An image tag could not be resolved to a digest; the message is what the registry (or the network) said. */
public final class ImageResolutionException extends RuntimeException {

    public ImageResolutionException(String message) {
        super(message);
    }

    public ImageResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
