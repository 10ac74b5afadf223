package dev.kumo.runtime.podman;

/** A call to podman's API failed: what was being done, the HTTP status (0 if none came) and podman's own message. */
public final class PodmanException extends RuntimeException {

    private final int status;
    private final boolean wordless;

    PodmanException(String doing, int status, String podmanMessage) {
        super(doing + ": " + (podmanMessage.isEmpty() ? "podman gave no message" : podmanMessage)
                + (status > 0 ? " (HTTP " + status + ")" : ""));
        this.status = status;
        this.wordless = status > 0 && podmanMessage.isEmpty();
    }

    PodmanException(String doing, String what) {
        super(doing + ": " + what);
        this.status = 0;
        this.wordless = false;
    }

    PodmanException(String doing, Throwable cause) {
        super(doing + ": " + cause.getMessage(), cause);
        this.status = 0;
        this.wordless = false;
    }

    /** The HTTP status podman answered with, 0 if the call did not get an answer. */
    public int status() {
        return status;
    }

    /** Whether podman answered an error status with an empty body (seen on a loaded machine; a read is asked again). */
    boolean wordless() {
        return wordless;
    }

    /** Whether podman said that the thing asked for does not exist. */
    public boolean notFound() {
        return status == 404;
    }
}
