package dev.kumo.cli.service;

import dev.kumo.cli.session.Session;
import picocli.CommandLine.Command;

/** {@code kumo service update NAME}: changes a Service by its flags (a new revision when the template changes). */
@Command(name = "update", description = "Update a Knative Service and wait until it is ready.")
public final class ServiceUpdateCommand extends ServiceWriteCommand {

    public ServiceUpdateCommand(Session session) {
        super(session);
    }

    @Override
    Written write() {
        return new Written(update(this::edited), false);
    }
}
