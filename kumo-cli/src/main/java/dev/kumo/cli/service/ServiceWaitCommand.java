package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.session.Session;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo service wait NAME}: waits until a Service's latest generation is ready, as {@code kn service wait}. */
@Command(name = "wait", description = "Wait until a Knative Service is ready.")
public final class ServiceWaitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The Service.")
    String name;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long to wait for the Service to become ready (default: ${DEFAULT-VALUE}).")
    int waitTimeoutSeconds;

    @Option(names = "--wait-window", paramLabel = "SECONDS", defaultValue = "2",
            description = "How long a Ready=False may last before the wait fails (default: ${DEFAULT-VALUE}).")
    int waitWindowSeconds;

    @Spec
    CommandSpec spec;

    private final Session session;

    public ServiceWaitCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (waitTimeoutSeconds <= 0 || waitWindowSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--wait-timeout must be positive and --wait-window 0 "
                    + "or more seconds");
        }
        ObjectNode service = session.client().get(ResourceTypes.SERVICE, session.namespace(), name);
        session.err().println("Waiting for Service '" + name + "' in namespace '" + session.namespace() + "':");
        session.err().println();
        session.err().flush();
        new ReadyWait(session, Duration.ofSeconds(waitTimeoutSeconds), Duration.ofSeconds(waitWindowSeconds))
                .await(service);
        session.err().println();
        session.out().println("Service '" + name + "' in namespace '" + session.namespace() + "' is ready.");
        session.out().flush();
        return 0;
    }
}
