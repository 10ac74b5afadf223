package dev.kumo.cli.service;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kumo service create NAME}: creates a Service from flags and waits until it is ready. */
@Command(name = "create", description = "Create a Knative Service and wait until it is ready.")
public final class ServiceCreateCommand extends ServiceWriteCommand {

    @Option(names = "--force", description = "Replace the Service if it exists already.")
    boolean force;

    public ServiceCreateCommand(Session session) {
        super(session);
    }

    @Override
    Written write() {
        requireWorkload();
        if (force && session.client().find(ResourceTypes.SERVICE, session.namespace(), name).isPresent()) {
            return new Written(update(this::replaced), false);
        }
        try {
            return new Written(create(), true);
        } catch (ApiError e) {
            if (e.status().code() != 409) {
                throw e;
            }
            throw new CliException("service '" + name + "' already exists in namespace '" + session.namespace()
                    + "'", "Change it with 'kumo service update " + name + "', or replace it with --force.");
        }
    }
}
