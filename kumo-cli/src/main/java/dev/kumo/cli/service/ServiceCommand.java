package dev.kumo.cli.service;

import dev.kumo.cli.session.CodedCommand;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.StandardHelp;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kumo service}: the verbs on Knative Services. Built in code ({@link CodedCommand}), as an everyday call. */
public final class ServiceCommand extends GroupCommand implements CodedCommand {

    public static final Names NAMES = new Names("service", List.of("services", "ksvc"), List.of(
            ServiceListCommand.class, ServiceDescribeCommand.class, ServiceCreateCommand.class,
            ServiceUpdateCommand.class, ServiceApplyCommand.class, ServiceInvokeCommand.class,
            ServiceLogsCommand.class, ServiceWaitCommand.class, ServiceExportCommand.class,
            ServiceImportCommand.class, ServiceDeleteCommand.class));

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name(NAMES.name())
                .aliases(NAMES.aliases().toArray(String[]::new));
        spec.usageMessage().description("Manage Knative Services.");
        return group(StandardHelp.addTo(spec));
    }
}
