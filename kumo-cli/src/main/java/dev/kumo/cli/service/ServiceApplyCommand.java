package dev.kumo.cli.service;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.session.Session;
import picocli.CommandLine.Command;

/**
 * {@code kumo service apply NAME}: makes the Service what the flags describe, creating it if it does not exist
 * and otherwise replacing its spec (flags not given are reset, unlike {@code update}).
 */
@Command(name = "apply", description = "Create a Knative Service or replace its spec with the one the flags "
        + "describe, then wait until it is ready.")
public final class ServiceApplyCommand extends ServiceWriteCommand {

    public ServiceApplyCommand(Session session) {
        super(session);
    }

    @Override
    Written write() {
        requireWorkload();
        if (session.client().find(ResourceTypes.SERVICE, session.namespace(), name).isEmpty()) {
            return new Written(create(), true);
        }
        return new Written(update(this::replaced), false);
    }
}
