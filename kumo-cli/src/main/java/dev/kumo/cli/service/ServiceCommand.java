package dev.kumo.cli.service;

import dev.kumo.cli.session.GroupCommand;
import picocli.CommandLine.Command;

/** {@code kumo service}: the verbs on Knative Services. */
@Command(name = "service", aliases = {"services", "ksvc"}, description = "Manage Knative Services.",
        subcommands = {ServiceListCommand.class, ServiceDescribeCommand.class, ServiceCreateCommand.class,
            ServiceUpdateCommand.class, ServiceApplyCommand.class, ServiceInvokeCommand.class,
            ServiceLogsCommand.class, ServiceWaitCommand.class, ServiceExportCommand.class,
            ServiceImportCommand.class, ServiceDeleteCommand.class})
public final class ServiceCommand extends GroupCommand {
}
