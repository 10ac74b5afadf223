package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.Probe;

/**
 * An instance's ports: the one it was given ({@code PORT}, its own on this host) and the containerPort its manifest
 * declares (0 for none), which is where the container would listen in Knative. A probe naming the containerPort, or
 * no port, is aimed at the instance's own port.
 */
record InstancePorts(int serving, int declared) {

    /** The host port a probe checks. */
    int target(Probe probe) {
        return probe.port() == 0 || probe.port() == declared ? serving : probe.port();
    }

    /** How a message names the port: {@code 127.0.0.1:41234, this instance's PORT}. */
    String describe(int port) {
        return "127.0.0.1:" + port + (port == serving ? ", this instance's PORT" : ", the port its probe checks");
    }
}
