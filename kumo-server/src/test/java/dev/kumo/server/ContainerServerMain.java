package dev.kumo.server;

import dev.kumo.api.serving.RuntimeName;
import dev.kumo.serving.RuntimeSettings;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/**
 * {@code kumo server} with the container runtime on beside the process runtime, for ITs that run the server as a
 * child process (kill -9, a PATH without podman) while {@code runtimes: [process, container]} is not yet accepted
 * from the config file. Prints the lines {@link ServerProcess} reads and stops on SIGTERM.
 */
public final class ContainerServerMain {

    private ContainerServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args);
        ServerConfig settings = command.settings().withRuntimes(new RuntimeSettings(Set.of(RuntimeName.PROCESS,
                RuntimeName.CONTAINER), RuntimeName.PROCESS));
        KumoServer server = KumoServer.start(settings);
        System.out.println("kumo: api listening on " + server.apiScheme() + "://127.0.0.1:" + server.apiPort());
        System.out.println("kumo: ingress listening on http://127.0.0.1:" + server.ingressPort());
        System.out.println("kumo: ready");
        CountDownLatch stop = new CountDownLatch(1);
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> stop.countDown());
        stop.await();
        server.close();
        System.out.println("kumo: stopped");
        System.exit(0);
    }
}
