package dev.kumo.runtime.podman;

/**
 * Shell scripts for the {@link BusyboxImage} that make Knative's multi-container sample: a sidecar serving the
 * image's page on 127.0.0.1:8882 inside the pod, and a serving container on $PORT that answers
 * {@code /cgi-bin/up} with what the sidecar answers.
 */
public final class SidecarScripts {

    /** The sidecar: the image's static page on port 8882. */
    public static final String SIDECAR = "exec httpd -f -p 8882 -h /www";
    /** The serving container: {@code GET /cgi-bin/up} fetches {@code http://127.0.0.1:8882/} and answers it. */
    public static final String PROXY = "busybox mkdir -p /tmp/w/cgi-bin && printf '#!/bin/sh\\nprintf "
            + "\"Content-Type: text/plain\\\\r\\\\n\\\\r\\\\n\"\\nwget -qO- http://127.0.0.1:8882/\\n' "
            + "> /tmp/w/cgi-bin/up && busybox chmod 755 /tmp/w/cgi-bin/up && exec httpd -f -p $PORT -h /tmp/w";

    private SidecarScripts() {
    }
}
