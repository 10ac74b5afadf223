package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo service wait NAME}: waits until a Service's latest generation is ready, as {@code kn service wait}. */
@Command(name = "wait", description = "Wait until a Knative Service is ready.")
public final class ServiceWaitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The Service.")
    String name;

    @Mixin
    WaitOptions waiting = new WaitOptions();

    @Spec
    CommandSpec spec;

    private final Session session;

    public ServiceWaitCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ReadyWait wait = waiting.wait(spec, session);
        ObjectNode service = session.client().get(ResourceTypes.SERVICE, session.namespace(), name);
        session.err().println("Waiting for Service '" + name + "' in namespace '" + session.namespace() + "':");
        session.err().println();
        session.err().flush();
        wait.await(service);
        session.err().println();
        session.out().println("Service '" + name + "' in namespace '" + session.namespace() + "' is ready.");
        session.out().flush();
        return 0;
    }
}
