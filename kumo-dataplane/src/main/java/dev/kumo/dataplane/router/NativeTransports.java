package dev.kumo.dataplane.router;

import io.netty.channel.epoll.Epoll;
import io.netty.incubator.channel.uring.IOUring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which native transports this process may use, and why not: the seam {@link TransportChoice} asks, so that a test
 * can play a kernel without io_uring.
 */
interface NativeTransports {

    /** Why io_uring cannot be used here, or empty when it can. */
    Optional<String> ioUringUnavailable();

    /** Whether epoll can be used here. */
    boolean epollAvailable();

    /** This process's kernel and libraries, as Netty probes them. */
    NativeTransports SYSTEM = new NativeTransports() {

        private static final Path DISABLED = Path.of("/proc/sys/kernel/io_uring_disabled");

        @Override
        public Optional<String> ioUringUnavailable() {
            if (IOUring.isAvailable()) {
                return Optional.empty();
            }
            Throwable cause = IOUring.unavailabilityCause();
            String why = cause == null ? "unavailable" : String.valueOf(cause.getMessage());
            return Optional.of(sysctl().map(value -> "kernel.io_uring_disabled is " + value + " (" + why + ")")
                    .orElse(why + " (a seccomp profile, as a container's, may forbid io_uring_setup)"));
        }

        /** The sysctl's value when it restricts io_uring (1: privileged only, 2: nobody). */
        private Optional<String> sysctl() {
            try {
                String value = Files.readString(DISABLED).strip();
                return value.equals("0") ? Optional.empty() : Optional.of(value);
            } catch (IOException | RuntimeException e) {
                return Optional.empty(); // a kernel before 6.6 has no such switch
            }
        }

        @Override
        public boolean epollAvailable() {
            return Epoll.isAvailable();
        }
    };
}
